package dev.groundup.requestids;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.groundup.Config;
import dev.groundup.InProcess;
import dev.groundup.bodies.Bodies;
import dev.groundup.errors.Errors;
import dev.groundup.routing.Json;
import dev.groundup.routing.Routes;
import dev.groundup.routing.Routing;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A failure's log line carries the request's id (SLF4J's MDC), on the request's own thread and on
 * the asynchronous dispatch after its body arrived; the problem details quote the same id.
 */
class RequestIdLoggingTest {
    private static Server server;
    private static URI base;
    private static final ListAppender<ILoggingEvent> LOGGED = new ListAppender<>();
    private static final Logger ROUTER_LOG = (Logger) LoggerFactory.getLogger("dev.groundup.routing.RouterServlet");

    @BeforeAll
    static void start() throws Exception {
        JsonMapper json = Json.newMapper();
        Routes broken = new Routes(Routes.JSON)
                .get("/api/broken", ex -> {
                    throw new IllegalStateException("broken on purpose");
                })
                .post("/api/broken", ex -> {
                    ex.bodyTree();
                    throw new IllegalStateException("broken after the body");
                });
        Config config = Config.fromArgs(List.of(), Map.of());
        server = InProcess.start(context -> {
            RequestIds.install(context);
            Errors.install(context, json);
            Routing.install(context, config, json, List.of(broken), List.of());
            Bodies.install(context, config.maxBodyBytes(), config.bodyTimeout(), Routing.SERVLET);
        });
        base = InProcess.base(server);
        LOGGED.start();
        ROUTER_LOG.addAppender(LOGGED);
    }

    @AfterAll
    static void stop() throws Exception {
        ROUTER_LOG.detachAppender(LOGGED);
        server.stop();
    }

    @Test
    void theErrorLineAndTheProblemCarryTheClientsId() throws Exception {
        HttpResponse<String> reply = send(HttpRequest.newBuilder(base.resolve("/api/broken"))
                .header("X-Request-Id", "log-line-id-1").GET());

        assertThat(reply.statusCode()).isEqualTo(500);
        assertThat(reply.headers().firstValue("X-Request-Id")).hasValue("log-line-id-1");
        assertThat(reply.body()).contains("\"requestId\":\"log-line-id-1\"");
        ILoggingEvent line = loggedWith("broken on purpose");
        assertThat(line.getMDCPropertyMap()).containsEntry("requestId", "log-line-id-1");
        assertThat(formatted(line)).contains(" [log-line-id-1] ");
    }

    @Test
    void aFailureAfterTheBodyArrivedCarriesTheNewIdToo() throws Exception {
        HttpResponse<String> reply = send(HttpRequest.newBuilder(base.resolve("/api/broken"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(reply.statusCode()).isEqualTo(500);
        String id = reply.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(reply.body()).contains("\"requestId\":\"" + id + "\"");
        assertThat(loggedWith("broken after the body").getMDCPropertyMap()).containsEntry("requestId", id);
    }

    private static ILoggingEvent loggedWith(String message) {
        synchronized (LOGGED) {
            return List.copyOf(LOGGED.list).stream()
                    .filter(e -> e.getThrowableProxy() != null && e.getThrowableProxy().getMessage().equals(message))
                    .findFirst().orElseThrow(() -> new AssertionError("nothing logged for " + message));
        }
    }

    /** The event as the shipped logback.xml's pattern prints it. */
    private static String formatted(ILoggingEvent event) throws Exception {
        String config;
        try (InputStream in = RequestIdLoggingTest.class.getResourceAsStream("/logback.xml")) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher pattern = Pattern.compile("<pattern>(.*%X\\{requestId}.*)</pattern>").matcher(config);
        assertThat(pattern.find()).as("logback.xml's pattern prints the request id").isTrue();
        PatternLayout layout = new PatternLayout();
        layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        layout.setPattern(pattern.group(1).replace("&apos;", "'"));
        layout.start();
        return layout.doLayout(event);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
