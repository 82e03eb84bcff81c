package dev.groundup.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client trickling its headers (a byte every 200 ms, each byte restarting the idle timeout) is
 * disconnected once its head has taken longer than {@code --head-timeout}; a client that sends
 * its head in time is served as before.
 */
class HeadDeadlineIT {
    private Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = Main.newServer(Config.fromArgs(List.of("--host", "127.0.0.1", "--port", "0", "--head-timeout", "2",
                "--db-url", "jdbc:h2:mem:head-deadline;DB_CLOSE_DELAY=-1"), Map.of()));
        server.start();
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aHeadTricklingPastTheDeadlineIsDisconnected() throws IOException {
        // 200 bytes at 200 ms each would take 40 s: far past the 2 s deadline and the 30 s idle timeout.
        byte[] head = ("GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + "a".repeat(150) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(200); // each wait for an answer paces the next byte
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < head.length; i++) {
                try {
                    out.write(head[i]);
                    out.flush();
                } catch (IOException closed) {
                    return; // disconnected, as it should be
                }
                try {
                    int b = in.read();
                    assertThat(b).as("the server answered a head that took %d bytes at 200 ms each", i + 1).isEqualTo(-1);
                    return;
                } catch (SocketTimeoutException stillOpen) {
                    // next byte
                } catch (IOException reset) {
                    return;
                }
            }
            throw new AssertionError("the whole head trickled in and the connection stayed open");
        }
    }

    @Test
    void aHeadSentInTimeIsServed() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(reply).startsWith("HTTP/1.1 200 ").endsWith("Hello World");
        }
    }
}
