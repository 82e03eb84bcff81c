package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every response carries X-Request-Id: the client's when well formed, else a new one; problems quote it. */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class RequestIdIT {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Parameter
    Deployment deployment;

    @ParameterizedTest
    @ValueSource(strings = {"/hello", "/plaintext", "/api/todos", "/css/site.css", "/", "/no-such-file.txt",
            "/api/no-such-route"})
    void everyResponseHasANewRandomIdWhenTheClientSentNone(String path) {
        Reply first = get(path, null);
        Reply second = get(path, null);

        assertThat(first.header("X-Request-Id")).matches(UUID);
        assertThat(second.header("X-Request-Id")).matches(UUID).isNotEqualTo(first.header("X-Request-Id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7d4c2a9e-1f0b-4c3d-9a8e-2b6f5e4d3c21", "01JH3Z8Q6W1XK9V2N4M7P5R8T0", "abc", "Root=1-67a.b_c:d+e/f"})
    void aWellFormedIdFromTheClientIsKept(String id) {
        assertThat(get("/hello", id).header("X-Request-Id")).isEqualTo(id);
        assertThat(get("/css/site.css", id).header("X-Request-Id")).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "quote\"d", "semi;colon", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void aMalformedIdIsReplaced(String id) {
        Reply reply = Http.send(ClassicRequestBuilder.get(deployment.uri("/hello")).addHeader("X-Request-Id", id).build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Request-Id")).matches(UUID);
    }

    @Test
    void problemDetailsQuoteTheRequestId() {
        Reply mine = get("/api/todos/987654321", "trace-me-42");
        Reply theirs = get("/api/todos/987654321", null);

        assertThat(mine.status()).isEqualTo(404);
        assertThat(json(mine).get("requestId").asString()).isEqualTo("trace-me-42");
        assertThat(json(theirs).get("requestId").asString()).isEqualTo(theirs.header("X-Request-Id")).matches(UUID);
    }

    @Test
    void aContainerRaisedErrorPageQuotesTheRequestIdToo() {
        Reply reply = Http.send(ClassicRequestBuilder.get(deployment.uri("/no-such-file.txt"))
                .addHeader("Accept", "application/json").addHeader("X-Request-Id", "missing-file-7").build());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("X-Request-Id")).isEqualTo("missing-file-7");
        assertThat(json(reply).get("requestId").asString()).isEqualTo("missing-file-7");
    }

    private Reply get(String path, String id) {
        ClassicRequestBuilder get = ClassicRequestBuilder.get(deployment.uri(path));
        if (id != null) {
            get.addHeader("X-Request-Id", id);
        }
        return Http.send(get.build());
    }

    private static JsonNode json(Reply reply) {
        assertThat(reply.type()).startsWith("application/problem+json");
        return JsonMapper.builder().build().readTree(reply.text());
    }
}
