package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests too broken for any HTTP client library to send, written on a raw socket: the server
 * refuses them with a 4xx and shows no stack, cause, container name or version. The container answers these before the application sees them;
 * the launcher answers with the application's own page and headers.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class MalformedRequestIT {
    @Parameter
    Deployment deployment;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GET /a%zz HTTP/1.1",           // a malformed percent escape
            "GET /api/todos/%zz HTTP/1.1",  // the same under the API
            "GET /a%00b HTTP/1.1",          // NUL
            "GET /%2e%2e/%2e%2e/WEB-INF/web.xml HTTP/1.1", // encoded dot segments above the root (the server's too)
    })
    void brokenAddressIs400WithoutAnythingOfTheContainer(String requestLine) {
        String reply = exchange(requestLine + "\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");

        assertThat(status(reply)).isEqualTo(400);
        assertClean(reply);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Bad Header Line", "X: a\u0001b", "Content-Length: 12abc"})
    void brokenHeaderIs400WithoutAnythingOfTheContainer(String header) {
        String reply = exchange("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + header + "\r\n\r\n");

        assertThat(status(reply)).isEqualTo(400);
        assertClean(reply);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {64 * 1024})
    void hugeHeaderIsRefused(int size) {
        Assumptions.assumeFalse(deployment.isHttps(), "over TLS the connection the server closes after its 431 can break"
                + " the client's pipe while it still writes the header, before the answer is read (plain TCP's buffers hide"
                + " that race); the plain launcher proves the 431");
        String reply = exchange("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(size) + "\r\nConnection: close\r\n\r\n");

        assertThat(status(reply)).isIn(400, 431);
        assertClean(reply);
    }

    private void assertClean(String reply) {
        assertThat(reply).doesNotContainIgnoringCase("exception").doesNotContain("\tat ", "Caused by")
                .doesNotContainIgnoringCase("jetty").doesNotContainIgnoringCase("tomcat");
        if (deployment == Deployment.LAUNCHER || deployment == Deployment.LAUNCHER_POSTGRESQL
                || deployment == Deployment.LAUNCHER_HTTPS) {
            // (A standalone Jetty shows its own page here, naming its stand-in URI "/badMessage".)
            assertThat(reply).doesNotContain("badMessage").contains("\r\nServer: Groundup\r\n", "\r\nX-Content-Type-Options: nosniff\r\n",
                    "\r\nContent-Type: text/html;charset=utf-8\r\n", "<h1>" + status(reply) + " ");
        }
    }

    private static int status(String reply) {
        assertThat(reply).startsWith("HTTP/1.1 ");
        return Integer.parseInt(reply.substring(9, 12));
    }

    private String exchange(String request) {
        return Http.raw(deployment, request);
    }
}
