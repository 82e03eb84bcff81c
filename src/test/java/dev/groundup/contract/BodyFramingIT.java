package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies that do not arrive as their framing says, written on a raw socket: never a 2xx (the
 * request was not handled), and nothing of the request is done. Where the container refuses the
 * framing itself its status stands; where the body reaches the application, it answers 400
 * with {@code Connection: close}. Transfer codings other than chunked are 501, and HTTP/1.0 with
 * Transfer-Encoding is 400 (RFC 9112 6.1).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class BodyFramingIT {
    private static final String HEAD = "POST /api/todos HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";

    @Parameter
    Deployment deployment;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "zz\r\n",                                   // not hex
            "-1\r\n",                                   // negative
            "10000000000000000\r\n{\"title\":\"a\"}",   // past 2^63
            "3\r\n{\"title\":\"a\"}\r\n0\r\n\r\n",        // more data than its size
    })
    void malformedChunkIsRefusedNotAnswered200(String chunks) {
        String reply = exchange(HEAD + chunks, false);

        if (reply.isEmpty() && deployment == Deployment.TOMCAT_10_1) {
            return; // Tomcat 10.1 closes the connection on a malformed chunk before anyone can answer
        }
        assertThat(status(reply)).isEqualTo(400);
        assertThat(reply).doesNotContainIgnoringCase("exception").doesNotContain("\tat ");
        if (isLauncher()) {
            assertThat(reply).contains("\r\nConnection: close\r\n", "application/problem+json");
        }
    }

    @Test
    void bodyCutShortIsRefusedAndNothingIsDone() {
        String location = location(exchange("POST /api/todos HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 16\r\nConnection: close\r\n\r\n{\"title\":\"kept\"}", false));

        // A DELETE of the whole list whose body stops short: the client half-closes after 3 of 10 bytes.
        String reply = exchange("DELETE /api/todos HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Content-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"a", true);

        // (A connection closed without an answer is no 2xx either: the log has the container's reason.)
        if (!reply.isEmpty() || isLauncher()) {
            assertThat(status(reply)).as(reply).isEqualTo(400);
        }
        String after = exchange("GET " + location + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", false);
        assertThat(status(after)).as("the todo is still there").isEqualTo(200);
    }

    @Test
    void aChunkAnnouncingMoreThanTheLimitIs413AtOnce() {
        // The launcher's parser sees chunk sizes; a container's parser keeps them to itself, so
        // there such a body is refused once its bytes pass the limit (or at the body timeout).
        Assumptions.assumeTrue(isLauncher(), "only the launcher's parser reports a chunk's size");
        // 2 MB announced (the limit is 1 MB), 13 bytes sent, and then the client waits, connection open.
        String reply = exchange(HEAD + "200000\r\n{\"title\":\"a\"}", false);

        assertThat(status(reply)).as(reply).isEqualTo(413);
        assertThat(reply).contains("\r\nConnection: close\r\n", "application/problem+json", "larger than 1048576 bytes");
    }

    @Test
    void aTransferCodingOtherThanChunkedIs501() {
        String reply = exchange("POST /api/todos HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n"
                + "e\r\n{\"title\":\"gz\"}\r\n0\r\n\r\n", false);

        assertThat(status(reply)).isIn(400, 501);
        if (isLauncher()) {
            assertThat(status(reply)).isEqualTo(501);
            assertThat(reply).contains("application/problem+json", "Only the chunked transfer coding");
        }
    }

    @Test
    void transferEncodingOnHttp10Is400() {
        String reply = exchange("POST /api/todos HTTP/1.0\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "e\r\n{\"title\":\"10\"}\r\n0\r\n\r\n", false);

        assertThat(status(reply)).isEqualTo(400);
    }

    private boolean isLauncher() {
        return deployment == Deployment.LAUNCHER || deployment == Deployment.LAUNCHER_POSTGRESQL
                || deployment == Deployment.LAUNCHER_HTTPS;
    }

    /** The Location's path within the application (requests get the context path in {@link #exchange}). */
    private String location(String reply) {
        assertThat(status(reply)).as(reply).isEqualTo(201);
        Matcher m = Pattern.compile("\r\nLocation: (?:https?://[^/]+)?(\\S+)\r\n", Pattern.CASE_INSENSITIVE).matcher(reply);
        assertThat(m.find()).as(reply).isTrue();
        return m.group(1).substring(deployment.contextPath().length());
    }

    private static int status(String reply) {
        assertThat(reply).as("a reply").startsWith("HTTP/1.");
        return Integer.parseInt(reply.substring(9, 12));
    }

    /** Writes {@code request}, half-closes if asked, and reads until the server closes or goes quiet. */
    private String exchange(String request, boolean halfClose) {
        try (Socket socket = Http.socket(deployment)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(Http.underContextPath(deployment, request).getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    all.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | SocketException ended) {
                // quiet or reset: what arrived is the answer
            }
            return all.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
