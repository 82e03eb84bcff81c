package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The TechEmpower plaintext and JSON test types, to the letter of their requirements. */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class TechEmpowerIT {
    @Parameter
    Deployment deployment;

    private Reply get(String path) {
        return Http.send(ClassicRequestBuilder.get(deployment.uri(path)).build());
    }

    private static void assertServerAndDate(Reply reply) {
        assertThat(reply.headers("Server")).containsExactly("Groundup");
        ZonedDateTime.parse(reply.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(reply.header("Transfer-Encoding")).isNull();
        assertThat(reply.header("Content-Encoding")).isNull();
    }

    @Test
    void plaintextIsHelloWorldAsTextPlain() {
        Reply reply = get("/plaintext");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("text/plain");
        assertThat(reply.header("Content-Length")).isEqualTo("13");
        assertThat(reply.text()).isEqualTo("Hello, World!");
        assertServerAndDate(reply);
    }

    @Test
    void jsonIsTheMessageObjectAsApplicationJson() {
        Reply reply = get("/json");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.header("Content-Length")).isEqualTo("27");
        assertThat(reply.text()).isEqualTo("{\"message\":\"Hello, World!\"}");
        assertServerAndDate(reply);
    }

    @Test
    void theBenchmarkersAcceptHeadersAreMet() {
        Reply plaintext = Http.send(ClassicRequestBuilder.get(deployment.uri("/plaintext")).addHeader("Accept",
                "text/plain,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7").build());
        Reply json = Http.send(ClassicRequestBuilder.get(deployment.uri("/json")).addHeader("Accept",
                "application/json,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7").build());

        assertThat(plaintext.status()).isEqualTo(200);
        assertThat(json.status()).isEqualTo(200);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() {
        String request = "GET /plaintext HTTP/1.1\r\nHost: x\r\n\r\n";
        String json = "GET /json HTTP/1.1\r\nHost: x\r\n\r\n";
        String raw = Http.raw(deployment, request + json + request + request
                + "GET /plaintext HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        Matcher status = Pattern.compile("HTTP/1\\.1 200 ").matcher(raw);
        int responses = 0;
        while (status.find()) {
            responses++;
        }
        assertThat(responses).isEqualTo(5);
        assertThat(raw.split("\r\n\r\n", -1)).hasSize(6);
        assertThat(raw).containsSubsequence("Hello, World!", "{\"message\":\"Hello, World!\"}", "Hello, World!",
                "Hello, World!", "Hello, World!");
        assertThat(raw).endsWith("Hello, World!");
    }

    @Test
    void headAndOtherMethodsBehaveLikeAnyRoute() {
        String head = Http.raw(deployment, "HEAD /json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        Reply post = Http.send(ClassicRequestBuilder.post(deployment.uri("/plaintext")).build());

        assertThat(head).startsWith("HTTP/1.1 200 ").containsIgnoringCase("\r\nContent-Length: 27\r\n").endsWith("\r\n\r\n");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }
}
