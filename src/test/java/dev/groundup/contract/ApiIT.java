package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JSON API's contract, shown on {@code /api/hello}: JSON in and out, and every way a request
 * can be wrong answered as RFC 9457 problem details, never a stack trace or a class name.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class ApiIT {
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final int MAX_BODY = 1024 * 1024;

    @Parameter
    Deployment deployment;

    private Reply get(String path) {
        return Http.send(ClassicRequestBuilder.get(deployment.uri(path)).build());
    }

    private Reply post(String body, ContentType type) {
        return Http.send(ClassicRequestBuilder.post(deployment.uri("/api/hello"))
                .setEntity(new StringEntity(body, type)).build());
    }

    private Reply postJson(String body) {
        return post(body, ContentType.APPLICATION_JSON);
    }

    /** A problem document with all four members, and nothing from inside the server. */
    static void assertProblem(Reply reply, int status, String detailContains) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.type()).isEqualTo(PROBLEM);
        assertThat(reply.text())
                .contains("\"type\":\"about:blank\"")
                .contains("\"title\":\"")
                .contains("\"status\":" + status)
                .contains("\"detail\":\"")
                .contains(detailContains)
                .doesNotContain("Exception").doesNotContain("java.").doesNotContain("jackson")
                .doesNotContain("dev.groundup").doesNotContainIgnoringCase("jetty").doesNotContainIgnoringCase("tomcat");
        assertThat(reply.header("Content-Length")).isEqualTo(String.valueOf(reply.body().length));
    }

    @Test
    void getAnswersJsonFromAPathParameter() {
        Reply reply = get("/api/hello/Zo%C3%AB");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo(JSON);
        assertThat(reply.text()).isEqualTo("{\"message\":\"Hello Zoë\"}");
        assertThat(reply.header("Content-Length")).isEqualTo(String.valueOf(reply.body().length));
    }

    @Test
    void queryParametersAreDecoded() {
        assertThat(get("/api/hello?name=Gr%C3%A4ce+Hopper").text()).isEqualTo("{\"message\":\"Hello Gräce Hopper\"}");
        assertThat(get("/api/hello?x=1&name=%3Cb%3E").text()).isEqualTo("{\"message\":\"Hello <b>\"}");
        assertThat(get("/api/hello").text()).isEqualTo("{\"message\":\"Hello World\"}");
        assertProblem(get("/api/hello?name=%E6%97"), 400, "UTF-8");
    }

    @Test
    void postReadsAJsonBodyAndIgnoresUnknownFields() {
        Reply reply = postJson("{\"name\": \"Ada\", \"unknown\": [1, {\"x\": null}]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo(JSON);
        assertThat(reply.text()).isEqualTo("{\"message\":\"Hello Ada\"}");
        assertThat(post("{\"name\":\"Ada\"}", ContentType.create("application/json", StandardCharsets.UTF_8)).status())
                .isEqualTo(200);
    }

    @Test
    void malformedJsonIs400SayingWhere() {
        Reply reply = postJson("{\n  \"name\": \"Ada\",\n}");

        assertProblem(reply, 400, "not valid JSON");
        assertThat(reply.text()).contains("line 3, column 1");
        assertProblem(postJson("{\"name\": \"Ada\""), 400, "ends before the value is complete");
        assertProblem(postJson("{\"name\": \"Ada\"} {}"), 400, "not valid JSON");
    }

    @Test
    void aFieldOfTheWrongTypeIs422NamingTheField() {
        for (String body : new String[]{"{\"name\": 5}", "{\"name\": true}", "{\"name\": {\"first\": \"Ada\"}}"}) {
            Reply reply = postJson(body);
            assertProblem(reply, 422, "Field 'name' must be a string");
            assertThat(reply.text()).contains("\"errors\":[{\"pointer\":\"#/name\"");
        }
        assertProblem(postJson("[\"Ada\"]"), 422, "The body must be an object");
        assertProblem(postJson("{\"name\": \"" + "a".repeat(1001) + "\"}"), 422,
                "Field 'name' must be at most 1000 characters");
    }

    @Test
    void aBodyWithoutJsonContentTypeIs415() {
        Reply none = Http.send(ClassicRequestBuilder.post(deployment.uri("/api/hello"))
                .setEntity(new ByteArrayEntity("{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8), null)).build());
        assertProblem(none, 415, "no Content-Type");
        assertProblem(post("{\"name\":\"Ada\"}", ContentType.TEXT_PLAIN), 415, "must be application/json, not text/plain");
        assertProblem(post("{\"name\":\"Ada\"}", ContentType.create("application/json", StandardCharsets.ISO_8859_1)),
                415, "must be UTF-8");
        assertThat(post("{\"name\":\"Ada\"}", ContentType.create("application/merge-patch+json")).status()).isEqualTo(200);
    }

    @Test
    void anEmptyBodyIs400() {
        assertProblem(postJson(""), 400, "no body");
    }

    @Test
    void anAcceptThatRulesOutJsonIs406() {
        Reply reply = Http.send(ClassicRequestBuilder.get(deployment.uri("/api/hello/Ada"))
                .addHeader("Accept", "text/html").build());

        assertProblem(reply, 406, "application/json only");
        for (String accept : new String[]{"application/json", "application/*", "*/*", "text/html, application/json;q=0.1"}) {
            assertThat(Http.send(ClassicRequestBuilder.get(deployment.uri("/api/hello/Ada"))
                    .addHeader("Accept", accept).build()).status()).as(accept).isEqualTo(200);
        }
    }

    @Test
    void aBodyUpToTheLimitIsReadAndOneByteMoreIs413EvenChunked() {
        String fits = padded(MAX_BODY);
        assertThat(fits).hasSize(MAX_BODY);
        assertThat(postJson(fits).status()).isEqualTo(200);

        byte[] tooBig = padded(MAX_BODY + 1).getBytes(StandardCharsets.UTF_8);
        Reply declared = Http.send(ClassicRequestBuilder.post(deployment.uri("/api/hello"))
                .setEntity(new ByteArrayEntity(tooBig, ContentType.APPLICATION_JSON)).build());
        Reply chunked = Http.send(ClassicRequestBuilder.post(deployment.uri("/api/hello"))
                .setEntity(new InputStreamEntity(new ByteArrayInputStream(tooBig), -1, ContentType.APPLICATION_JSON))
                .build());

        assertProblem(declared, 413, "larger than " + MAX_BODY + " bytes");
        assertProblem(chunked, 413, "larger than " + MAX_BODY + " bytes");
    }

    /** {@code {"name":"Ada","pad":"xxx…"}} of exactly {@code size} bytes. */
    private static String padded(int size) {
        String start = "{\"name\":\"Ada\",\"pad\":\"";
        String end = "\"}";
        return start + "x".repeat(size - start.length() - end.length()) + end;
    }

    @Test
    void unknownApiPathsAreProblemDetailsWhoeverAnswers() {
        Reply container = get("/api/no/such/thing"); // no servlet of ours: the container's 404
        Reply router = get("/api/hello/Ada/more");   // the router's 404

        assertProblem(container, 404, "nothing at this address");
        assertProblem(router, 404, "nothing at this address");
        assertThat(container.text()).contains("\"instance\":\"/api/no/such/thing\"");
    }

    @Test
    void wrongMethodOnTheApiIs405ProblemWithAllow() {
        Reply reply = Http.send(ClassicRequestBuilder.delete(deployment.uri("/api/hello")).build());

        assertProblem(reply, 405, "DELETE is not supported here");
        assertThat(reply.header("Allow")).isEqualTo("GET, HEAD, POST, OPTIONS");
    }

    @Test
    void headOnTheApiHasTheLengthOfGetAndNoBody() {
        int length = get("/api/hello/Ada").body().length;
        String raw = Http.raw(deployment, "HEAD /api/hello/Ada HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 200 ").containsIgnoringCase("\r\nContent-Length: " + length + "\r\n")
                .endsWith("\r\n\r\n");
    }
}
