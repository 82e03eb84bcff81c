package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Browsers on other origins may call the API (any origin by default), and only the API. */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class CorsIT {
    private static final String ORIGIN = "http://app.example:3000";

    @Parameter
    Deployment deployment;

    @Test
    void aPreflightIsAnsweredWithWhatTheApiAllows() {
        Reply reply = Http.send(ClassicRequestBuilder.options(deployment.uri("/api/hello"))
                .addHeader("Origin", ORIGIN)
                .addHeader("Access-Control-Request-Method", "PATCH")
                .addHeader("Access-Control-Request-Headers", "content-type, x-requested-with").build());

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("*");
        // What the route table allows at this address, nothing more (no PUT: no route takes it).
        assertThat(reply.header("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD, POST, OPTIONS");
        assertThat(reply.header("Access-Control-Allow-Headers")).isEqualTo("content-type, x-requested-with");
        assertThat(reply.header("Access-Control-Max-Age")).isEqualTo("86400");
    }

    @Test
    void aPreflightAdvertisesTheMethodsOfItsAddress() {
        Reply todo = preflight("/api/todos/1");
        Reply nothing = preflight("/api/no/such");

        assertThat(todo.status()).isEqualTo(204);
        assertThat(todo.header("Access-Control-Allow-Methods")).contains("PATCH", "DELETE").doesNotContain("PUT", "POST");
        assertThat(nothing.status()).isEqualTo(404);
        assertThat(nothing.header("Access-Control-Allow-Methods")).isNull();
    }

    private Reply preflight(String path) {
        return Http.send(ClassicRequestBuilder.options(deployment.uri(path)).addHeader("Origin", ORIGIN)
                .addHeader("Access-Control-Request-Method", "PATCH").build());
    }

    @Test
    void apiResponsesCarryAllowOriginIncludingErrors() {
        Reply ok = Http.send(ClassicRequestBuilder.post(deployment.uri("/api/hello")).addHeader("Origin", ORIGIN)
                .setEntity(new StringEntity("{\"name\":\"Ada\"}", ContentType.APPLICATION_JSON)).build());
        Reply invalid = Http.send(ClassicRequestBuilder.post(deployment.uri("/api/hello")).addHeader("Origin", ORIGIN)
                .setEntity(new StringEntity("{", ContentType.APPLICATION_JSON)).build());
        Reply missing = Http.send(ClassicRequestBuilder.get(deployment.uri("/api/no/such")).addHeader("Origin", ORIGIN).build());

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(ok.header("Access-Control-Expose-Headers")).contains("Location");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void pagesOutsideTheApiGetNoCorsHeaders() {
        Reply reply = Http.send(ClassicRequestBuilder.get(deployment.uri("/hello/Ada")).addHeader("Origin", ORIGIN).build());
        Reply preflight = Http.send(ClassicRequestBuilder.options(deployment.uri("/hello/Ada"))
                .addHeader("Origin", ORIGIN).addHeader("Access-Control-Request-Method", "GET").build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }
}
