package dev.groundup.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's access log as written by the jar (lines gathered and written in batches, see
 * BatchedLogWriter): every line there, whole and in order, after bursts, a graceful stop, an
 * output that stops taking lines for a while, in a file, and given to a logging configuration.
 */
class AccessLogLauncherIT {
    private static final Pattern UP = Pattern.compile("^.* Server UP - http://\\S+:(\\d+)/$");
    private static final Pattern DOWN = Pattern.compile("^.* Server DOWN - http://\\S+:(\\d+)/$");
    /** A whole line for GET /hello?n=N with X-Request-Id id-N: group 1 is N, group 2 the id's N. */
    private static final Pattern LINE = Pattern.compile(
            "^127\\.0\\.0\\.1 - - \\[\\d\\d/[^/]+/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4}\\] \"GET /hello\\?n=(\\d+) HTTP/1\\.1\" 200 \\d+ \"\" \"[a-z0-9/-]+\" \\d+ id-(\\d+)$");

    private final List<Launched> launched = new ArrayList<>();
    @TempDir
    Path workDir;

    @AfterEach
    void killLeftovers() {
        launched.forEach(l -> l.process.destroyForcibly());
    }

    @Test
    void requestsOneAfterAnotherAreLoggedInOrderAndAllWrittenBeforeTheDownLine() throws Exception {
        Launched app = launch(List.of(), "--port", "0");
        int port = Integer.parseInt(app.awaitLine(UP).group(1));

        HttpClient client = client();
        for (int n = 0; n < 1000; n++) {
            assertThat(hello(client, port, n, "ua/1").statusCode()).isEqualTo(200);
        }
        app.sigterm(); // at once: lines still gathering are written by the stop
        app.awaitLine(DOWN);
        assertThat(app.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(app.process.exitValue()).isZero();

        List<String> out = app.stdoutLines();
        int down = indexOf(out, DOWN);
        List<Integer> logged = numbers(out.subList(0, down));
        assertThat(logged).as("one whole line per request, in the order sent, before DOWN").hasSize(1000)
                .isSortedAccordingTo(Integer::compare);
        assertThat(new HashSet<>(logged)).hasSize(1000);
        assertThat(numbers(out.subList(down, out.size()))).isEmpty();
        assertThat(app.stderr()).doesNotContain("access log");
    }

    @Test
    void concurrentRequestsAreEachOneWholeLineShownWithoutAStop() throws Exception {
        Launched app = launch(List.of(), "--port", "0");
        int port = Integer.parseInt(app.awaitLine(UP).group(1));

        burst(port, 2000, 8, "ua/2");

        Set<Integer> seen = new HashSet<>();
        while (seen.size() < 2000) { // each line as it reaches stdout, the server still running
            Matcher line = app.awaitLine(LINE);
            assertThat(line.group(1)).isEqualTo(line.group(2));
            assertThat(seen.add(Integer.parseInt(line.group(1)))).as("logged once: " + line.group()).isTrue();
        }
        app.sigterm();
        app.awaitLine(DOWN);
        assertThat(numbers(app.stdoutLines())).hasSize(2000);
        assertThat(app.stdoutLines()).allMatch(l -> LINE.matcher(l).matches() || UP.matcher(l).matches()
                || DOWN.matcher(l).matches(), "nothing but whole lines");
    }

    /**
     * The reader stops taking stdout (a pipe nobody drains): once the pipe and the writer's buffer
     * are full, requests wait for the log instead of losing lines; reading again lets them all through.
     */
    @Test
    void anOutputThatStopsTakingLinesMakesRequestsWaitAndLosesNothing() throws Exception {
        Launched app = launch(List.of(), "--port", "0");
        int port = Integer.parseInt(app.awaitLine(UP).group(1));
        String longAgent = "ua/" + "x".repeat(1000); // about 1 KB a line: 3000 lines fill pipe and buffer twice over

        app.pauseStdout();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        Future<?> sent = clients.submit(() -> {
            burst(port, 3000, 4, longAgent);
            return null;
        });
        app.awaitStderr("does not keep up");
        app.resumeStdout();
        sent.get(120, TimeUnit.SECONDS);
        clients.shutdown();

        app.sigterm();
        app.awaitLine(DOWN);
        List<Integer> logged = numbers(app.stdoutLines());
        assertThat(new HashSet<>(logged)).hasSize(3000);
        assertThat(logged).hasSize(3000);
    }

    /** Nobody reads stdout any more (the pipe is closed): the lines are lost, and that is said, with a count. */
    @Test
    void anOutputThatFailsIsReportedWithTheLinesLost() throws Exception {
        Launched app = launch(List.of(), "--port", "0");
        int port = Integer.parseInt(app.awaitLine(UP).group(1));

        app.process.getInputStream().close();
        burst(port, 50, 2, "ua/5");
        app.awaitStderr("the access log cannot write to stdout");
        app.sigterm();
        assertThat(app.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(app.stderr()).containsPattern("the access log lost \\d+ lines in all: stdout could not take them");
    }

    @Test
    void aFileGetsEveryLineOfABurstByTheTimeTheStopEnds() throws Exception {
        Path file = workDir.resolve("access.log");
        Launched app = launch(List.of(), "--port", "0", "--access-log", file.toString());
        int port = Integer.parseInt(app.awaitLine(UP).group(1));

        burst(port, 2000, 8, "ua/3");
        app.sigterm();
        app.awaitLine(DOWN);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).allMatch(l -> LINE.matcher(l).matches(), "whole lines");
        assertThat(new HashSet<>(numbers(lines))).hasSize(2000);
        assertThat(lines).hasSize(2000);
        assertThat(numbers(app.stdoutLines())).isEmpty();
    }

    /** A logging configuration that gives groundup.access an appender gets the lines, one event each. */
    @Test
    void aLoggingConfigurationOfOnesOwnTakesTheLines() throws Exception {
        Path logged = workDir.resolve("via-logback.log");
        Path config = workDir.resolve("logback-own.xml");
        Files.writeString(config, """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>[own] %%msg%%n</pattern></encoder>
                  </appender>
                  <logger name="groundup.access" level="INFO" additivity="false"><appender-ref ref="FILE"/></logger>
                  <root level="WARN"/>
                </configuration>
                """.formatted(logged));
        Launched app = launch(List.of("-Dlogback.configurationFile=" + config), "--port", "0");
        int port = Integer.parseInt(app.awaitLine(UP).group(1));

        burst(port, 200, 4, "ua/4");
        app.sigterm();
        app.awaitLine(DOWN);

        List<String> lines = Files.readAllLines(logged, StandardCharsets.UTF_8);
        assertThat(lines).allMatch(l -> l.startsWith("[own] ") && LINE.matcher(l.substring(6)).matches(), "whole lines");
        assertThat(lines).hasSize(200);
        assertThat(numbers(app.stdoutLines())).isEmpty();
    }

    /** {@code count} requests GET /hello?n=N (N from 0) with X-Request-Id id-N, from {@code threads} threads. */
    private static void burst(int port, int count, int threads, String agent) throws Exception {
        HttpClient client = client();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> replies = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                int i = n;
                replies.add(pool.submit(() -> hello(client, port, i, agent).statusCode()));
            }
            for (Future<Integer> reply : replies) {
                assertThat(reply.get(120, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static HttpResponse<Void> hello(HttpClient client, int port, int n, String agent) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello?n=" + n))
                .header("X-Request-Id", "id-" + n).header("User-Agent", agent).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** The N of each access-log line for /hello?n=N, in order. */
    private static List<Integer> numbers(List<String> lines) {
        List<Integer> numbers = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                numbers.add(Integer.parseInt(m.group(1)));
            } else {
                assertThat(line).as("a line that is not whole").doesNotContain("/hello?n=");
            }
        }
        return numbers;
    }

    private static int indexOf(List<String> lines, Pattern pattern) {
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        throw new AssertionError("no line matching " + pattern);
    }

    private Launched launch(List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("groundup.jar"), "--host", "127.0.0.1",
                "--db-url", "jdbc:h2:mem:access-log;DB_CLOSE_DELAY=-1"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("GROUNDUP_") || k.equals("PORT"));
        Launched app = new Launched(builder.start());
        launched.add(app);
        return app;
    }

    /** A launched jar: its stdout line by line (a reader that can stop taking it), its stderr whole. */
    private static final class Launched {
        final Process process;
        private final BlockingQueue<String> fresh = new LinkedBlockingQueue<>();
        private final List<String> stdout = new ArrayList<>();
        private final StringBuffer stderr = new StringBuffer();
        private final Thread stdoutReader;
        private final Thread stderrReader;
        private volatile CountDownLatch paused = new CountDownLatch(0);

        Launched(Process process) {
            this.process = process;
            stdoutReader = daemon(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        paused.await();
                        synchronized (stdout) {
                            stdout.add(line);
                        }
                        fresh.add(line);
                    }
                } catch (IOException | InterruptedException ignored) {
                    // the process is gone
                }
            });
            stderrReader = daemon(() -> {
                try {
                    process.getErrorStream().transferTo(new java.io.OutputStream() {
                        @Override
                        public void write(int b) {
                            stderr.append((char) b);
                        }
                    });
                } catch (IOException ignored) {
                    // the process is gone
                }
            });
        }

        private static Thread daemon(Runnable task) {
            Thread t = new Thread(task);
            t.setDaemon(true);
            t.start();
            return t;
        }

        void pauseStdout() {
            paused = new CountDownLatch(1);
        }

        void resumeStdout() {
            paused.countDown();
        }

        void sigterm() {
            process.toHandle().destroy(); // SIGTERM; our ends of the pipes stay open
        }

        Matcher awaitLine(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90); // a busy machine starts a JVM slowly
            while (System.nanoTime() < deadline) {
                String line = fresh.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    Matcher m = pattern.matcher(line);
                    if (m.matches()) {
                        return m;
                    }
                }
            }
            throw new AssertionError("no line matching " + pattern + "; stderr:\n" + stderr);
        }

        void awaitStderr(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!stderr.toString().contains(text)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no '" + text + "' on stderr:\n" + stderr);
                }
                TimeUnit.MILLISECONDS.sleep(100); // a poll interval, not an ordering
            }
        }

        /** Every stdout line, once the process has ended and its output is read. */
        List<String> stdoutLines() throws InterruptedException {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            stdoutReader.join(10_000);
            synchronized (stdout) {
                return List.copyOf(stdout);
            }
        }

        String stderr() throws InterruptedException {
            if (!process.isAlive()) {
                stderrReader.join(5_000);
            }
            return stderr.toString();
        }
    }
}
