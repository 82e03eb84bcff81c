package dev.groundup.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.Config;
import dev.groundup.launcher.Main;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's fast path stays out of the way of filters it does not stand in for: a filter for
 * some paths still sees those, a filter for every file turns the fast path off.
 */
class LauncherFastPathIT {
    /** Marks every response it sees, so a test can tell which requests went through it. */
    private static final Filter MARKER = (request, response, chain) -> {
        ((HttpServletResponse) response).setHeader("X-Marked", "yes");
        chain.doFilter(request, response);
    };

    @TempDir
    Path root;
    private Server server;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(root.resolve("site.css"), "body { margin: 0 }\n");
        Files.createDirectories(root.resolve("api"));
        Files.writeString(root.resolve("api/data.css"), "p { margin: 0 }\n");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void plainFilesTakeTheFastPath() throws Exception {
        URI base = start(null);

        assertThat(fastPath().isActive()).isTrue();
        HttpResponse<String> css = get(base.resolve("/site.css"));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Server")).hasValue("Groundup");
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=600");
    }

    @Test
    void aFilterForSomePathsStillSeesThem() throws Exception {
        URI base = start("/api/*");

        assertThat(fastPath().isActive()).isTrue();
        assertThat(get(base.resolve("/api/data.css")).headers().firstValue("X-Marked")).hasValue("yes");
        assertThat(get(base.resolve("/site.css")).headers().firstValue("X-Marked")).isEmpty();
    }

    @Test
    void aFilterForEveryPathTurnsTheFastPathOff() throws Exception {
        URI base = start("/*");

        assertThat(fastPath().isActive()).isFalse();
        HttpResponse<String> css = get(base.resolve("/site.css"));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("X-Marked")).hasValue("yes");
    }

    @Test
    void withMetricsOnFilesStillTakeTheFastPathAndAreCounted() throws Exception {
        URI base = start(null, "--metrics");

        assertThat(fastPath().isActive()).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(get(base.resolve("/site.css")).statusCode()).isEqualTo(200);
        }
        assertThat(get(base.resolve("/metrics")).body())
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"files\",status=\"2xx\"} 3");
    }

    /** The launcher's server for {@link #root}, with the marker filter on {@code pattern} if given. */
    private URI start(String pattern, String... flags) throws Exception {
        // An in-memory database of its own: stopping this server must not close the suite's.
        List<String> args = new java.util.ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0", "--access-log", "off",
                "--static-root", root.toRealPath().toString(), "--db-url", "jdbc:h2:mem:fast-path-it"));
        args.addAll(List.of(flags));
        server = Main.newServer(Config.fromArgs(args, Map.of()));
        if (pattern != null) {
            server.getDescendant(WebAppContext.class)
                    .addFilter(new FilterHolder(MARKER), pattern, EnumSet.of(DispatcherType.REQUEST));
        }
        server.start();
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    private LauncherFastPath fastPath() {
        return server.getDescendant(LauncherFastPath.class);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
