package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GET /metrics (turned on in every deployment of the suite): Prometheus text with requests by
 * method, route template and status class, the JVM and the database pool. The suite's clients are on loopback, which is all it answers untokened.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class MetricsIT {
    @Parameter
    Deployment deployment;

    @Test
    void requestsAreCountedByMethodRouteTemplateAndStatusClass() {
        long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        assertThat(send("/api/todos/" + id).status()).isEqualTo(404);
        assertThat(send("/plaintext").status()).isEqualTo(200);
        assertThat(send("/css/site.css").status()).isEqualTo(200);
        assertThat(send("/hello").status()).isEqualTo(200);

        String metrics = scrape();

        assertThat(metrics)
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/todos/{id:long}\",status=\"4xx\"}")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/plaintext\",status=\"2xx\"}")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"files\",status=\"2xx\"}")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/hello\",status=\"2xx\"}")
                .containsPattern("http_server_requests_seconds_bucket\\{method=\"GET\",route=\"/plaintext\",status=\"2xx\",le=\"0\\.001\"\\} \\d+")
                .doesNotContain(String.valueOf(id));
    }

    @Test
    void theCountGoesUpByTheRequestsMade() {
        String series = "http_server_requests_seconds_count{method=\"GET\",route=\"/plaintext\",status=\"2xx\"} ";
        send("/plaintext");
        double before = value(scrape(), series);
        for (int i = 0; i < 3; i++) {
            send("/plaintext");
        }
        assertThat(value(scrape(), series)).isEqualTo(before + 3);
    }

    @Test
    void theJvmAndTheDatabasePoolAreThere() {
        send("/api/todos");

        assertThat(scrape()).contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads ",
                "hikaricp_connections_active{pool=\"groundup-db\"}", "hikaricp_connections_max{pool=\"groundup-db\"}");
    }

    @Test
    void theContainersThreadPoolIsThere() {
        String metrics = scrape();

        switch (deployment) {
            case TOMCAT, TOMCAT_10_1 -> {
                assertThat(positive(metrics, "tomcat_threads_max ")).isPositive();
                assertThat(positive(metrics, "tomcat_threads ")).isPositive();
                // this scrape's own request is on a connection and on a busy thread
                assertThat(positive(metrics, "tomcat_threads_busy ")).isPositive();
                assertThat(positive(metrics, "tomcat_connections_open ")).isPositive();
            }
            default -> {
                assertThat(positive(metrics, "jetty_threads_max ")).isPositive();
                assertThat(positive(metrics, "jetty_threads_busy ")).isPositive();
                assertThat(metrics).contains("jetty_threads_queued ").doesNotContain("tomcat_threads");
            }
        }
    }

    private static double positive(String metrics, String series) {
        double value = value(metrics, series);
        assertThat(value).as(series).isNotNaN();
        return value;
    }

    private String scrape() {
        Reply reply = send("/metrics");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo("text/plain;version=0.0.4;charset=utf-8");
        return reply.text();
    }

    private Reply send(String path) {
        return Http.send(ClassicRequestBuilder.get(deployment.uri(path)).build());
    }

    private static double value(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series)).mapToDouble(l -> Double.parseDouble(l.substring(series.length())))
                .findFirst().orElseThrow(() -> new AssertionError("no " + series + " in\n" + metrics));
    }
}
