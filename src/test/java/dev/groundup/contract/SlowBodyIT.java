package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Clients that send their bodies slowly hold no thread while they do (see Bodies): more of them
 * than any deployment has threads (200 by default in Jetty and Tomcat) leave the server answering
 * everyone else at once, each still gets its answer when its body is complete, and a body that
 * never completes gets 408 after the body timeout.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class SlowBodyIT {
    /** More than the 200 threads of Jetty's and Tomcat's default pools. */
    private static final int SLOW_CLIENTS = 300;
    private static final String FORM = "name=Ada";

    @Parameter
    Deployment deployment;

    @Test
    void slowBodiesHoldNoThreadAndEachGetsItsAnswer() throws IOException {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = Http.socket(deployment);
                socket.setSoTimeout(10_000);
                write(socket, "POST " + deployment.path("/hello") + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + FORM.length()
                        + "\r\n\r\n" + FORM.substring(0, 3));
                slow.add(socket);
            }

            // Http.raw gives up after 5 s: a server whose threads all wait for bodies would not answer.
            String other = Http.raw(deployment, "GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(other).startsWith("HTTP/1.1 200 ").endsWith("Hello World");

            for (Socket socket : slow) {
                write(socket, FORM.substring(3));
            }
            for (Socket socket : slow) {
                assertThat(readAll(socket)).startsWith("HTTP/1.1 200 ").endsWith("Hello Ada");
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void bodyThatNeverCompletesGets408() throws IOException {
        try (Socket socket = Http.socket(deployment)) {
            socket.setSoTimeout((Servers.BODY_TIMEOUT_SECONDS + 10) * 1000);
            write(socket, "POST " + deployment.path("/api/todos") + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"title\":");

            String reply = readAll(socket);

            assertThat(reply).startsWith("HTTP/1.1 408 ").contains("application/problem+json")
                    .contains("\"detail\":\"The body did not arrive within " + Servers.BODY_TIMEOUT_SECONDS + " seconds.\"");
        }
    }

    private static void write(Socket socket, String text) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
