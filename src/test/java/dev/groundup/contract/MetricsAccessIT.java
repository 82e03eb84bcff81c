package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import java.net.URI;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;

/**
 * The launcher's parts of /metrics: off unless asked for, a bearer token when one is set, and
 * Jetty's threads and connections. (Loopback-only without a token: {@link MetricsIT} shows loopback
 * clients get in; the suite has no other address to come from.)
 */
class MetricsAccessIT {
    private static final String TOKEN = "s3cret-metrics-token-0123";

    @Test
    void offByDefault() {
        URI base = Servers.launcher("--db-url", "jdbc:h2:mem:metrics-off;DB_CLOSE_DELAY=-1").base();

        assertThat(get(base, null).status()).isEqualTo(404);
    }

    @Test
    void withATokenOnlyTheBearerOfItGetsIn() {
        URI base = Servers.launcher("--db-url", "jdbc:h2:mem:metrics-token;DB_CLOSE_DELAY=-1",
                "--metrics", "--metrics-token", TOKEN).base();

        Reply none = get(base, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(get(base, "Bearer " + TOKEN + "x").status()).isEqualTo(401);
        assertThat(get(base, "Bearer " + TOKEN.substring(1)).status()).isEqualTo(401);
        assertThat(get(base, "Basic " + TOKEN).status()).isEqualTo(401);
        Reply bearer = get(base, "Bearer " + TOKEN);
        assertThat(bearer.status()).isEqualTo(200);
        assertThat(bearer.text()).contains("jvm_memory_used_bytes");
    }

    @Test
    void jettysThreadsAndConnectionsAreThere() {
        URI base = Servers.launcher("--db-url", "jdbc:h2:mem:metrics-jetty;DB_CLOSE_DELAY=-1", "--metrics").base();

        Reply reply = get(base, null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("jetty_threads ", "jetty_threads_busy ", "jetty_threads_max ",
                "jetty_threads_queued ", "jetty_connections_open ");
        assertThat(reply.text()).doesNotContain("jetty_connections_open 0.0");
    }

    private static Reply get(URI base, String authorization) {
        ClassicRequestBuilder get = ClassicRequestBuilder.get(base.resolve("/metrics"));
        if (authorization != null) {
            get.addHeader("Authorization", authorization);
        }
        return Http.send(get.build());
    }
}
