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

/** Step 3: routes with parameters. {@code /hello/{name}} as the example, in every deployment. */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class RoutesIT {
    private static final String HTML = "text/html;charset=utf-8";

    @Parameter
    Deployment deployment;

    private Reply get(String path) {
        return Http.send(ClassicRequestBuilder.get(deployment.uri(path)).build());
    }

    @Test
    void helloNameGreetsByName() {
        Reply reply = get("/hello/Ada");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo(HTML);
        assertThat(reply.header("Content-Length")).isEqualTo("9");
        assertThat(reply.text()).isEqualTo("Hello Ada");
    }

    @Test
    void theNameIsPercentDecodedAsUtf8AndHtmlEscaped() {
        assertThat(get("/hello/Zo%C3%AB%20%E6%97%A5%E6%9C%AC").text()).isEqualTo("Hello Zoë 日本");
        assertThat(get("/hello/%3Cb%3E%26%22'").text()).isEqualTo("Hello &lt;b&gt;&amp;&quot;&#39;");
        assertThat(get("/hello/a+b").text()).isEqualTo("Hello a+b"); // + is only a space in a query
    }

    @Test
    void helloItselfIsStillStepOne() {
        assertThat(get("/hello").text()).isEqualTo("Hello World");
    }

    @Test
    void anEmptyOrExtraSegmentIsNotFound() {
        for (String path : new String[]{"/hello/", "/hello/Ada/more"}) {
            Reply reply = get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.type()).as(path).isEqualTo(HTML);
            assertThat(reply.text()).as(path).contains("<h1>404 Not Found</h1>");
        }
    }

    @Test
    void bytesThatAreNotUtf8AreA400() {
        assertThat(get("/hello/%C3%28").status()).isEqualTo(400);
    }

    @Test
    void headAnswersLikeGetWithoutTheBody() {
        String raw = Http.raw(deployment, "HEAD /hello/Ada HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 200 ");
        assertThat(raw).containsIgnoringCase("\r\nContent-Length: 9\r\n");
        assertThat(raw.replace(" ", "").toLowerCase()).contains("\r\ncontent-type:" + HTML + "\r\n");
        assertThat(raw).endsWith("\r\n\r\n");
    }

    @Test
    void optionsListsTheMethods() {
        Reply reply = Http.send(ClassicRequestBuilder.options(deployment.uri("/hello/Ada")).build());

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(reply.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "BREW"})
    void otherMethodsAre405WithAllow(String method) {
        Reply reply = Http.send(ClassicRequestBuilder.create(method).setUri(deployment.uri("/hello/Ada")).build());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(reply.type()).isEqualTo(HTML);
        assertThat(reply.text()).contains(method + " is not supported here");
    }

    @Test
    void aClientThatPrefersJsonGetsProblemDetailsEvenOffTheApi() {
        Reply reply = Http.send(ClassicRequestBuilder.delete(deployment.uri("/hello/Ada"))
                .addHeader("Accept", "application/json").build());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.type()).isEqualTo("application/problem+json");
        assertThat(reply.text()).contains("\"status\":405").contains("\"title\":\"Method Not Allowed\"");
    }

    @Test
    void aBrowserAcceptStillGetsTheHtmlPage() {
        Reply reply = Http.send(ClassicRequestBuilder.get(deployment.uri("/no/such/page"))
                .addHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").build());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.type()).isEqualTo(HTML);
    }
}
