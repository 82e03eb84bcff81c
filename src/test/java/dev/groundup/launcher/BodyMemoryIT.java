package dev.groundup.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The body budget keeps the heap from running out: the real launcher at {@code -Xmx64m} takes 48
 * concurrent maximum-size (1 MB) JSON bodies of every costly shape, three rounds, and each gets
 * its proper answer (201, 413, 422 or 503), never a 500 or an empty 200; the process never runs
 * out of memory, and what it stored is exactly what it said 201 to.
 */
class BodyMemoryIT {
    private static final int MAX = 1024 * 1024;
    private static final int CLIENTS = 48;
    private static final Pattern UP = Pattern.compile(".* Server UP - http://127\\.0\\.0\\.1:(\\d+)/");

    @Test
    void concurrentMaximumSizeBodiesAtXmx64mEachGetTheirAnswer() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-jar", System.getProperty("groundup.jar"),
                "--host", "127.0.0.1", "--port", "0", "--db-url", "jdbc:h2:mem:memory;DB_CLOSE_DELAY=-1")
                .redirectErrorStream(true).start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.append(line).append('\n');
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the process is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            int port = awaitPort(lines, output);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            URI todos = URI.create("http://127.0.0.1:" + port + "/api/todos");
            List<String> bodies = List.of(
                    padded("{\"title\":\"padded\"}"),                               // 201: a todo and a megabyte of spaces
                    "{\"title\":\"" + "é".repeat((MAX - 20) / 2) + "\"}",            // 422: a title of half a million chars
                    "{\"title\":\"" + "a".repeat(MAX - 40) + "\u0100\"}",             // 422: Latin-1 but for its last char
                    "{\"title\":\"x\",\"junk\":[" + "{},".repeat((MAX - 40) / 3) + "{}]}", // 413: more tokens than read
                    "{\"title\":\"x\",\"junk\":\"" + "\\u0041".repeat((MAX - 40) / 6) + "\"}", // 201: escapes unknown field
                    "x".repeat(MAX + 1));                                              // 413: one byte too many
            AtomicInteger created = new AtomicInteger();
            for (int round = 0; round < 3; round++) {
                List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    HttpRequest request = HttpRequest.newBuilder(todos).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json").header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build();
                    replies.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
                }
                for (int i = 0; i < CLIENTS; i++) {
                    HttpResponse<String> reply = replies.get(i).get(90, TimeUnit.SECONDS);
                    int expected = switch (i % bodies.size()) {
                        case 0, 4 -> 201;
                        case 1, 2 -> 422;
                        default -> 413;
                    };
                    assertThat(reply.statusCode()).as("body %d: %s", i % bodies.size(), reply.body())
                            .isIn(expected, 503);
                    assertThat(reply.body()).as("body %d", i % bodies.size()).isNotEmpty();
                    if (reply.statusCode() == 201) {
                        created.incrementAndGet();
                    }
                }
            }
            assertThat(process.isAlive()).as("the launcher is still running:\n" + output).isTrue();
            assertThat(output.toString()).doesNotContain("OutOfMemoryError");
            HttpResponse<String> list = client.send(HttpRequest.newBuilder(todos).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(count(list.body(), "\"title\":")).as("todos stored").isEqualTo(created.get());
            assertThat(created.get()).as("some bodies got through").isPositive();
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    private static String padded(String json) {
        return json.substring(0, json.length() - 1) + " ".repeat(MAX - json.length()) + "}";
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static int awaitPort(LinkedBlockingQueue<String> lines, StringBuffer output) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher m = UP.matcher(line);
                if (m.matches()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        throw new AssertionError("the launcher did not start:\n" + output);
    }
}
