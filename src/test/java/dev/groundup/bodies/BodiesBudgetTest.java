package dev.groundup.bodies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.InProcess;
import dev.groundup.errors.Errors;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bodies held at once stay within the memory budget: the body that would pass it gets 503, and
 * what finished requests held is given back. (A budget small enough to reach in a test; in the
 * application it is a quarter of the heap.)
 *
 * <p>Deterministic on a busy machine: the test orders its steps by what the filter holds, not by
 * sleeping, so it never sends the next body before the server has taken in the last one.
 */
class BodiesBudgetTest {
    private static final int BODY = 1000;
    private static final long BUDGET = 2500;

    private Server server;
    private WholeBodyFilter filter;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = InProcess.start(context -> {
            Errors.install(context, JsonMapper.builder().build());
            ServletRegistration.Dynamic echo = context.addServlet("length", new HttpServlet() {
                @Override
                protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    response.getWriter().print(request.getInputStream().readAllBytes().length);
                }
            });
            echo.setAsyncSupported(true);
            echo.addMapping("/length");
            filter = Bodies.install(context, BODY, Duration.ofSeconds(20), BUDGET, 1, "length");
        });
        port = InProcess.base(server).getPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void theBodyThatWouldPassTheBudgetGets503AndFinishedOnesGiveBackTheirShare() throws Exception {
        try (Socket first = open(); Socket second = open(); Socket third = open()) {
            send(first, BODY - 100);
            send(second, BODY - 100);
            awaitHeld(2 * BODY); // the server holds both (their declared length) before the third starts
            send(third, BODY); // 3,000 bytes held > 2,500: refused, read to its end and dropped

            assertThat(reply(third)).startsWith("HTTP/1.1 503 ").contains("Retry-After: 5")
                    .contains("too many request bodies");
            // The refused body was dropped before its answer went out.
            assertThat(filter.held()).isEqualTo(2 * BODY);

            send(first, 100);
            send(second, 100);
            assertThat(reply(first)).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\n" + BODY);
            assertThat(reply(second)).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\n" + BODY);
        }
        // What those held is given back when their requests complete (just after the replies).
        awaitHeld(0);
        try (Socket again = open(); Socket more = open()) {
            send(again, BODY);
            send(more, BODY);
            assertThat(reply(again)).startsWith("HTTP/1.1 200 ");
            assertThat(reply(more)).startsWith("HTTP/1.1 200 ");
        }
    }

    /** Waits (bounded) until the filter holds exactly {@code bytes}; fails with what it holds. */
    private void awaitHeld(long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (filter.held() != bytes && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(filter.held()).as("bytes held by the filter").isEqualTo(bytes);
    }

    private Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("POST /length HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Length: " + BODY + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        return socket;
    }

    private static void send(Socket socket, int bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("x".repeat(bytes).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String reply(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
