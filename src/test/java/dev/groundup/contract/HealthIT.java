package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code /health}, what a load balancer asks: up, as JSON, never cached, cheap to HEAD. (Down,
 * when the database goes away, is DatabaseOutageTest's.)
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class HealthIT {
    @Parameter
    Deployment deployment;

    @Test
    void upWhileTheDatabaseAnswers() {
        Reply reply = Http.send(ClassicRequestBuilder.get(deployment.uri("/health")).build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo("application/json");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.text()).isEqualTo("{\"status\":\"up\",\"database\":\"up\"}");
    }

    @Test
    void headAnswersWithoutABody() {
        Reply reply = Http.send(ClassicRequestBuilder.head(deployment.uri("/health")).build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void onlyReads() {
        Reply reply = Http.send(ClassicRequestBuilder.post(deployment.uri("/health")).build());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }
}
