package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;

/** Step 1 of the seed: /hello answers GET, HEAD and POST; the home page says Hello World. */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class HelloIT {
    private static final String HTML = "text/html;charset=utf-8";
    private static final String ALLOW = "GET, HEAD, POST, OPTIONS";

    @Parameter
    Deployment deployment;

    @Test
    void getSaysHelloWorld() {
        Reply reply = Http.send(ClassicRequestBuilder.get(deployment.uri("/hello")).build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo(HTML);
        assertThat(reply.header("Content-Length")).isEqualTo("11");
        assertThat(reply.text()).isEqualTo("Hello World");
    }

    @Test
    void aNameInTheQueryIsGreetedByTheSameRule() {
        assertThat(get("/hello?name=Ada").text()).isEqualTo("Hello Ada");
        assertThat(get("/hello?name=Zo%C3%AB+%3Cb%3E").text()).isEqualTo("Hello Zoë &lt;b&gt;");
        assertThat(get("/hello?name=+++").text()).isEqualTo("Hello World");
        assertThat(get("/hello?other=1").text()).isEqualTo("Hello World");
        Reply tooLong = get("/hello?name=" + "a".repeat(5_000));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.text()).contains("at most 1000 characters");
        assertThat(get("/hello?name=%E0%A4").status()).isEqualTo(400);
        String head = Http.raw(deployment, "HEAD /hello?name=Ada HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 200 ").containsIgnoringCase("\r\nContent-Length: 9\r\n");
    }

    private Reply get(String path) {
        return Http.send(ClassicRequestBuilder.get(deployment.uri(path)).build());
    }

    @Test
    void headHasGetsHeadersAndNoBody() {
        Reply get = Http.send(ClassicRequestBuilder.get(deployment.uri("/hello")).build());
        String raw = Http.raw(deployment, "HEAD /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 200 ");
        assertThat(raw).containsIgnoringCase("\r\nContent-Length: 11\r\n");
        assertThat(raw.replace(" ", "").toLowerCase()).contains("\r\ncontent-type:" + HTML + "\r\n");
        assertThat(raw).endsWith("\r\n\r\n"); // headers, then nothing
        assertThat(get.status()).isEqualTo(200);
    }

    @Test
    void postWithoutFormSaysHelloWorld() {
        Reply reply = Http.send(ClassicRequestBuilder.post(deployment.uri("/hello")).build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo(HTML);
        assertThat(reply.text()).isEqualTo("Hello World");
    }

    @Test
    void postWithNameGreetsByName() {
        Reply reply = postForm("name=Ada");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).isEqualTo("Hello Ada");
        assertThat(reply.header("Content-Length")).isEqualTo("9");
    }

    @Test
    void postedNameIsHtmlEscapedAndUtf8() {
        assertThat(postForm("name=%3Cscript%3Ealert(1)%3C%2Fscript%3E").text())
                .isEqualTo("Hello &lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(postForm("other=1&name=Zo%C3%AB+%E6%97%A5%E6%9C%AC").text()).isEqualTo("Hello Zoë 日本");
        assertThat(postForm("name=+++").text()).isEqualTo("Hello World");
    }

    @Test
    void malformedFormIs400WithAMessage() {
        Reply reply = postForm("name=%zz");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.type()).isEqualTo(HTML);
        assertThat(reply.text()).contains("percent-encoding");
    }

    @Test
    void oversizedFormIs413WhetherDeclaredOrChunked() {
        byte[] big = ("name=" + "a".repeat(20_000)).getBytes(StandardCharsets.US_ASCII);
        Reply declared = Http.send(ClassicRequestBuilder.post(deployment.uri("/hello"))
                .setEntity(new ByteArrayEntity(big, ContentType.APPLICATION_FORM_URLENCODED)).build());
        Reply chunked = Http.send(ClassicRequestBuilder.post(deployment.uri("/hello"))
                .setEntity(new InputStreamEntity(new java.io.ByteArrayInputStream(big), -1,
                        ContentType.APPLICATION_FORM_URLENCODED)).build());

        assertThat(declared.status()).isEqualTo(413);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(declared.text()).contains("larger than");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "BREW"})
    void otherMethodsAre405WithAllow(String method) {
        Reply reply = Http.send(ClassicRequestBuilder.create(method).setUri(deployment.uri("/hello")).build());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo(ALLOW);
        assertThat(reply.type()).isEqualTo(HTML);
        assertThat(reply.text()).contains(method + " is not supported");
    }

    @Test
    void optionsListsTheMethods() {
        Reply reply = Http.send(ClassicRequestBuilder.options(deployment.uri("/hello")).build());

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Allow")).isEqualTo(ALLOW);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void homePageSaysHelloWorld() {
        Reply reply = Http.send(ClassicRequestBuilder.get(deployment.uri("/")).build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).startsWith("text/html");
        assertThat(reply.text()).contains("<h1>Hello World</h1>");
    }

    @Test
    void theFormAndTheAddressShareOneGreetingRule() {
        String name = "a".repeat(5_000);
        Reply posted = postForm("name=" + name);
        Reply addressed = Http.send(ClassicRequestBuilder.get(deployment.uri("/hello/" + name)).build());

        assertThat(posted.status()).isEqualTo(422);
        assertThat(addressed.status()).isEqualTo(422);
        assertThat(posted.type()).isEqualTo(HTML);
        assertThat(posted.text()).contains("at most 1000 characters");
        assertThat(postForm("name=" + "a".repeat(1000)).status()).isEqualTo(200);
    }

    @Test
    void aControlCharacterInANameIs422WhereverTheNameComesFrom() {
        Reply query = Http.send(ClassicRequestBuilder.get(deployment.uri("/api/hello?name=a%00b")).build());
        Reply form = postForm("name=a%0Ab");
        Reply body = Http.send(ClassicRequestBuilder.post(deployment.uri("/api/hello"))
                .setEntity(new StringEntity("{\"name\":\"a\\u0000b\"}", ContentType.APPLICATION_JSON)).build());

        for (Reply reply : List.of(query, form, body)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
            assertThat(reply.text()).contains("must not contain control characters").doesNotContain("\u0000");
        }
        assertThat(query.type()).isEqualTo("application/problem+json");
    }

    private Reply postForm(String form) {
        return Http.send(ClassicRequestBuilder.post(deployment.uri("/hello"))
                .setEntity(new StringEntity(form, ContentType.APPLICATION_FORM_URLENCODED)).build());
    }
}
