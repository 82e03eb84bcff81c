package dev.groundup.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.junit.jupiter.api.Test;

/**
 * While the launcher stops, a request on a connection it still has open is refused with 503 the
 * way every other error is answered: problem+json for the API and JSON clients, the HTML page for
 * browsers, with {@code Retry-After} and a sentence that says what is happening.
 */
class StoppingIT {
    private static final Pattern LENGTH = Pattern.compile("\r\nContent-Length: (\\d+)\r\n", Pattern.CASE_INSENSITIVE);

    @Test
    void requestsDuringAStopGet503InTheClientsFormatWithRetryAfter() throws Exception {
        Server server = Main.newServer(Config.fromArgs(List.of("--host", "127.0.0.1", "--port", "0",
                "--db-url", "jdbc:h2:mem:stopping;DB_CLOSE_DELAY=-1"), Map.of()));
        server.start();
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        CompletableFuture<Void> stopped = null;
        try (Socket api = new Socket("127.0.0.1", port); Socket browser = new Socket("127.0.0.1", port);
                Socket slow = new Socket("127.0.0.1", port)) {
            for (Socket s : List.of(api, browser, slow)) {
                s.setSoTimeout(10_000);
            }
            assertThat(exchange(api, "GET /api/hello HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200 ");
            assertThat(exchange(browser, "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200 ");
            // A body still arriving keeps the stop waiting for its grace period.
            write(slow, "POST /api/todos HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{");

            stopped = CompletableFuture.runAsync(() -> {
                try {
                    server.stop();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // Until the graceful handler refuses new requests: the server says it is stopping a little
            // earlier than that, and a request sent in between is still served (seen on a busy machine).
            GracefulHandler graceful = server.getDescendant(GracefulHandler.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!graceful.isShutdown() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }

            String json = exchange(api, "GET /api/hello HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n");
            assertThat(json).startsWith("HTTP/1.1 503 ").contains("\r\nRetry-After: 5\r\n",
                    "\r\nContent-Type: application/problem+json\r\n", "\"status\":503",
                    "\"detail\":\"The server is stopping; send the request again in a few seconds.\"")
                    .doesNotContain("logged");
            String html = exchange(browser, "GET /hello HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n\r\n");
            assertThat(html).startsWith("HTTP/1.1 503 ").contains("\r\nRetry-After: 5\r\n", "text/html",
                    "The server is stopping; send the request again in a few seconds.").doesNotContain("logged");
        } finally {
            if (stopped != null) {
                stopped.join();
            } else {
                server.stop();
            }
        }
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** One request on a kept-alive connection and its whole response (head and Content-Length bytes). */
    private static String exchange(Socket socket, String request) throws IOException {
        write(socket, request);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = LENGTH.matcher(text);
        if (length.find()) {
            text += new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
        }
        return text;
    }
}
