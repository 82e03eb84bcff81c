package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One access-log line per request, in every deployment's own log (the launcher's --access-log, the
 * Jetty base's requestlog module, Tomcat's AccessLogValve), in one format: NCSA combined, then the
 * time taken in ms and the request id. Never a body, a cookie or a credential.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class AccessLogIT {
    /** client - user [time] "request line" status bytes "Referer" "User-Agent" ms id (an absent header: Jetty "", Tomcat "-") */
    private static final String LINE = "^127\\.0\\.0\\.1 - - \\[[^\\]]+\\] \"%s\" %d (\\d+|-) \"%s\" \"%s\" \\d+ %s$";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Parameter
    Deployment deployment;

    @Test
    void aRequestIsOneLineWithItsTimeAndId() {
        String id = "log-" + UUID.randomUUID();
        Reply reply = Http.send(ClassicRequestBuilder.get(deployment.uri("/hello?name=x"))
                .addHeader("X-Request-Id", id).addHeader("Referer", "http://example.com/from")
                .addHeader("User-Agent", "access-log-test/1.0").build());
        assertThat(reply.status()).isEqualTo(200);

        assertThat(lineWith(id)).matches(String.format(LINE, "GET " + Pattern.quote(deployment.contextPath()) + "/hello\\?name=x " + Pattern.quote(deployment.protocol()), 200,
                "http://example.com/from", "access-log-test/1.0", id));
    }

    @Test
    void filesAndMissingFilesAreLoggedWithTheirStatus() {
        String id = "file-" + UUID.randomUUID();
        Http.send(ClassicRequestBuilder.get(deployment.uri("/css/site.css")).addHeader("X-Request-Id", id)
                .addHeader("User-Agent", "t").build());
        String missing = "missing-" + UUID.randomUUID();
        Http.send(ClassicRequestBuilder.get(deployment.uri("/nothing-here.txt")).addHeader("X-Request-Id", missing)
                .addHeader("User-Agent", "t").build());

        assertThat(lineWith(id)).matches(String.format(LINE, "GET " + Pattern.quote(deployment.contextPath()) + "/css/site.css " + Pattern.quote(deployment.protocol()), 200, "-?", "t", id));
        assertThat(lineWith(missing)).matches(String.format(LINE, "GET " + Pattern.quote(deployment.contextPath()) + "/nothing-here.txt " + Pattern.quote(deployment.protocol()), 404, "-?", "t", missing));
    }

    @Test
    void noBodyCookieOrCredentialIsLogged() {
        String id = "private-" + UUID.randomUUID();
        Reply reply = Http.send(ClassicRequestBuilder.post(deployment.uri("/api/todos"))
                .addHeader("X-Request-Id", id)
                .addHeader("Cookie", "session=cookie-secret-1")
                .addHeader("Authorization", "Bearer authorization-secret-2")
                .addHeader("X-CSRF-Token", "csrf-secret-3")
                .setEntity(new StringEntity("{\"title\":\"body-secret-4\"}", ContentType.APPLICATION_JSON)).build());
        assertThat(reply.status()).isEqualTo(201);

        String line = lineWith(id);
        assertThat(line).contains("\"POST " + deployment.path("/api/todos") + " " + deployment.protocol() + "\" 201 ")
                .doesNotContain("cookie-secret-1", "authorization-secret-2", "csrf-secret-3", "body-secret-4");
    }

    /**
     * Jetty logs a request it refused before reading its address as {@code "BAD /badMessage HTTP/1.0"};
     * Tomcat logs the address sent. Either way there is a 400 line more than before.
     */
    @Test
    void aRequestTheContainerRefusesIsLoggedToo() {
        long before = count(" 400 ");
        String response = Http.raw(deployment, "GET /refused/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400");

        await(() -> count(" 400 ") > before, "a line for the refused request");
    }

    private long count(String text) {
        return lines(deployment.accessLog()).stream().filter(l -> l.contains(text)).count();
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + PATIENCE);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50); // polling for an observable condition, with a bound
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The log line holding {@code text}, waited for: containers write the log as the request ends. */
    private String lineWith(String text) {
        Path log = deployment.accessLog();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<String> matching = lines(log).stream().filter(l -> l.contains(text)).toList();
            if (!matching.isEmpty()) {
                assertThat(matching).as("lines for " + text).hasSize(1);
                return matching.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no line with " + text + " in " + log + " within " + PATIENCE);
            }
            pause();
        }
    }

    private static List<String> lines(Path log) {
        if (!Files.exists(log)) {
            return List.of();
        }
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
