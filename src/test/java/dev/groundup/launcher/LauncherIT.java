package dev.groundup.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code java -jar target/groundup.jar}: its lines, flags, environment, signals and exit codes. */
class LauncherIT {
    /** The seed's line: time.asctime() then "Server UP - host:port". */
    private static final Pattern UP = Pattern.compile(
            "^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} Server UP - (\\S+):(\\d+)$");
    private static final Pattern DOWN = Pattern.compile(
            "^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} Server DOWN - (\\S+):(\\d+)$");

    private final List<Launched> launched = new ArrayList<>();
    /** The launcher's working directory: its default H2 database goes to ./data under it. */
    @TempDir
    Path workDir;

    @AfterEach
    void killLeftovers() {
        launched.forEach(l -> l.process.destroyForcibly());
    }

    @Test
    void printsUpServesAndStopsGracefullyOnSigterm() throws Exception {
        Launched app = launch(Map.of(), "--port", "0");
        Matcher up = app.awaitLine(UP);
        assertThat(up.group(1)).isEqualTo("localhost");
        int port = Integer.parseInt(up.group(2));
        assertThat(port).isPositive();

        assertThat(get(port, "/hello")).isEqualTo("Hello World");

        app.sigterm();
        Matcher down = app.awaitLine(DOWN);
        assertThat(down.group(2)).isEqualTo(up.group(2));
        assertThat(app.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(app.process.exitValue()).isZero();
        assertThat(app.stderr()).doesNotContain("Exception");
    }

    @Test
    void inFlightRequestFinishesDuringStop() throws Exception {
        Launched app = launch(Map.of(), "--port", "0");
        int port = Integer.parseInt(app.awaitLine(UP).group(2));

        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // Headers now, the form later: the request is in the servlet, waiting for its body.
            out.write(("POST /hello HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 8\r\nConnection: close\r\n\r\nname").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);

            app.sigterm(); // while the request is in flight
            Thread.sleep(300);
            assertThat(app.process.isAlive()).as("waits for the in-flight request").isTrue();

            out.write("=Ada".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200").endsWith("Hello Ada");
        }
        app.awaitLine(DOWN);
        assertThat(app.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(app.process.exitValue()).isZero();
    }

    @Test
    void environmentSetsThePortAndAFlagBeatsIt() throws Exception {
        int envPort = freePort();
        Launched fromEnv = launch(Map.of("GROUNDUP_PORT", String.valueOf(envPort)));
        assertThat(fromEnv.awaitLine(UP).group(2)).isEqualTo(String.valueOf(envPort));
        fromEnv.sigterm();

        Launched fromPlainPort = launch(Map.of("PORT", "0"));
        assertThat(Integer.parseInt(fromPlainPort.awaitLine(UP).group(2))).isPositive();
        fromPlainPort.sigterm();

        int flagPort = freePort();
        Launched flagWins = launch(Map.of("GROUNDUP_PORT", "1"), "--port=" + flagPort, "--host", "127.0.0.1");
        Matcher up = flagWins.awaitLine(UP);
        assertThat(up.group(1)).isEqualTo("127.0.0.1");
        assertThat(up.group(2)).isEqualTo(String.valueOf(flagPort));
        assertThat(get(flagPort, "/hello")).isEqualTo("Hello World");
    }

    @Test
    void takenPortIsOneClearLineAndNonZeroExit() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("localhost"))) {
            Launched app = launch(Map.of(), "--port", String.valueOf(taken.getLocalPort()));
            assertFailsWithOneLine(app, 1, "cannot listen on localhost:" + taken.getLocalPort());
        }
    }

    @Test
    void badFlagsAreOneClearLineAndExit2() throws Exception {
        assertFailsWithOneLine(launch(Map.of(), "--nope"), 2, "unknown option --nope");
        assertFailsWithOneLine(launch(Map.of(), "--port", "eighty"), 2, "--port must be a number");
        assertFailsWithOneLine(launch(Map.of(), "--port", "70000"), 2, "between 0 and 65535");
        assertFailsWithOneLine(launch(Map.of(), "--port"), 2, "--port needs a value");
        assertFailsWithOneLine(launch(Map.of("GROUNDUP_PORT", "x")), 2, "--port must be a number");
    }

    @Test
    void anUnreachableDatabaseIsOneClearLineAndExit1() throws Exception {
        int closedPort = freePort();
        Launched app = launch(Map.of("GROUNDUP_DB_URL",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/groundup?user=app&password=s3cret"), "--port", "0");

        assertFailsWithOneLine(app, 1, "cannot connect to the database jdbc:postgresql://127.0.0.1:" + closedPort
                + "/groundup?user=app&password=***: Connection to 127.0.0.1:" + closedPort + " refused");
        assertThat(app.stderr()).doesNotContain("s3cret");
    }

    @Test
    void theDefaultDatabaseIsAnH2FileUnderDataThatKeepsTodosAcrossARestart() throws Exception {
        Launched first = launch(Map.of(), "--port", "0");
        int port = Integer.parseInt(first.awaitLine(UP).group(2));
        HttpResponse<String> created = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/todos"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"survive a restart\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        first.sigterm();
        first.awaitLine(DOWN);
        assertThat(first.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(workDir.resolve("data/groundup.mv.db")).isRegularFile();

        Launched second = launch(Map.of(), "--port", "0");
        int secondPort = Integer.parseInt(second.awaitLine(UP).group(2));

        assertThat(get(secondPort, "/api/todos")).contains("\"title\":\"survive a restart\"");
        assertThat(first.stderr() + second.stderr()).doesNotContain("Exception").doesNotContain("WARN");
    }

    @Test
    void theDefaultDatabaseIsAnH2FileUnderDataThatASecondInstanceCannotShare() throws Exception {
        Launched first = launch(Map.of(), "--port", "0");
        first.awaitLine(UP);
        assertThat(workDir.resolve("data/groundup.mv.db")).isRegularFile();

        Launched second = launch(Map.of(), "--port", "0");
        assertFailsWithOneLine(second, 1, "cannot connect to the database jdbc:h2:./data/groundup: Database may be already in use");
    }

    @Test
    void anUnusableDataFolderIsOneClearLineAndExit1() throws Exception {
        java.nio.file.Files.writeString(workDir.resolve("data"), "a file where the folder should be");

        assertFailsWithOneLine(launch(Map.of(), "--port", "0"), 1, "cannot connect to the database jdbc:h2:./data/groundup: ");
    }

    @Test
    void helpPrintsUsageAndExits0() throws Exception {
        Launched app = launch(Map.of(), "--help");
        assertThat(app.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(app.process.exitValue()).isZero();
        assertThat(app.stdout()).contains("Usage: java -jar groundup.jar").contains("--port").contains("GROUNDUP_HOST");
    }

    @Test
    void builtInSiteIsServedFromTheJar() throws Exception {
        Launched app = launch(Map.of(), "--port", "0");
        int port = Integer.parseInt(app.awaitLine(UP).group(2));

        HttpResponse<byte[]> css = fetch(port, "/css/site.css", "Accept-Encoding", "br");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css;charset=utf-8");
        assertThat(css.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=600");
        assertThat(css.body()).isEqualTo(java.nio.file.Files.readAllBytes(Path.of("webapp/css/site.css.br")));

        HttpResponse<byte[]> notModified = fetch(port, "/css/site.css", "Accept-Encoding", "br",
                "If-None-Match", css.headers().firstValue("ETag").orElseThrow());
        assertThat(notModified.statusCode()).isEqualTo(304);

        HttpResponse<byte[]> home = fetch(port, "/", "Accept-Encoding", "gzip");
        assertThat(home.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(fetch(port, "/files").statusCode()).isEqualTo(302);
        assertThat(fetch(port, "/images/").statusCode()).isEqualTo(404);
        assertThat(fetch(port, "/WEB-INF/web.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void staticRootFromTheEnvironmentServesThatFolder(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("note.txt"), "from the folder");
        Launched app = launch(Map.of("GROUNDUP_STATIC_ROOT", dir.toString()), "--port", "0");
        int port = Integer.parseInt(app.awaitLine(UP).group(2));

        HttpResponse<byte[]> note = fetch(port, "/note.txt");
        assertThat(note.statusCode()).isEqualTo(200);
        assertThat(note.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        assertThat(new String(note.body(), StandardCharsets.UTF_8)).isEqualTo("from the folder");
        assertThat(fetch(port, "/css/site.css").statusCode()).as("the built-in site is not mixed in").isEqualTo(404);
        assertThat(get(port, "/hello")).isEqualTo("Hello World");
    }

    @Test
    void missingOrInvalidStaticRootIsOneClearLineAndExit2(@TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("file.txt"), "x");
        Path missing = dir.resolve("missing");

        assertFailsWithOneLine(launch(Map.of(), "--static-root", missing.toString()), 2,
                "--static-root " + missing + " does not exist");
        assertFailsWithOneLine(launch(Map.of("GROUNDUP_STATIC_ROOT", file.toString())), 2,
                "--static-root " + file + " is not a directory");
    }

    @Test
    void theAccessLogGoesToStdoutByDefaultOneLinePerRequest() throws Exception {
        Launched app = launch(Map.of(), "--port", "0");
        int port = Integer.parseInt(app.awaitLine(UP).group(2));

        HttpResponse<byte[]> reply = fetch(port, "/hello?x=1", "X-Request-Id", "stdout-log-1", "User-Agent", "ua/1",
                "Cookie", "s=cookie-value-9");
        assertThat(reply.statusCode()).isEqualTo(200);

        Matcher line = app.awaitLine(Pattern.compile(
                "^127\\.0\\.0\\.1 - - \\[[^\\]]+\\] \"GET /hello\\?x=1 HTTP/1\\.1\" 200 \\d+ \"\" \"ua/1\" (\\d+) stdout-log-1$"));
        assertThat(Long.parseLong(line.group(1))).isNotNegative();
        app.sigterm();
        app.awaitLine(DOWN);
        assertThat(app.stdout()).doesNotContain("cookie-value-9");
    }

    @Test
    void theAccessLogCanBeTurnedOffOrSentToAFile() throws Exception {
        Launched off = launch(Map.of("GROUNDUP_ACCESS_LOG", "off"), "--port", "0");
        int port = Integer.parseInt(off.awaitLine(UP).group(2));
        assertThat(fetch(port, "/hello", "X-Request-Id", "not-logged-1").statusCode()).isEqualTo(200);
        off.sigterm();
        off.awaitLine(DOWN);
        assertThat(off.stdout()).doesNotContain("not-logged-1");

        Path file = workDir.resolve("access.log");
        Launched toFile = launch(Map.of(), "--port", "0", "--access-log", file.toString());
        port = Integer.parseInt(toFile.awaitLine(UP).group(2));
        assertThat(fetch(port, "/hello", "X-Request-Id", "file-logged-2").statusCode()).isEqualTo(200);
        toFile.sigterm();
        toFile.awaitLine(DOWN); // a graceful stop writes out what the log's thread still held
        assertThat(toFile.stdout()).doesNotContain("file-logged-2");
        assertThat(java.nio.file.Files.readString(file)).contains("\"GET /hello HTTP/1.1\" 200 ").contains(" file-logged-2\n");
    }

    @Test
    void anAccessLogInAFolderThatDoesNotExistIsOneClearLineAndExit2() throws Exception {
        assertFailsWithOneLine(launch(Map.of(), "--access-log", workDir.resolve("no/such/access.log").toString()),
                2, "does not exist");
    }

    private void assertFailsWithOneLine(Launched app, int exitCode, String message) throws Exception {
        assertThat(app.process.waitFor(30, TimeUnit.SECONDS)).as("exits").isTrue();
        assertThat(app.process.exitValue()).isEqualTo(exitCode);
        List<String> lines = app.stderr().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("groundup: ").contains(message);
    }

    private Launched launch(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("groundup.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("GROUNDUP_") || k.equals("PORT"));
        builder.environment().putAll(env);
        Launched app = new Launched(builder.start());
        launched.add(app);
        return app;
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static HttpResponse<byte[]> fetch(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A launched process whose output lines are collected as they come. */
    private static final class Launched {
        final Process process;
        private final BlockingQueue<String> stdoutLines = new LinkedBlockingQueue<>();
        private final StringBuffer stdout = new StringBuffer();
        private final StringBuffer stderr = new StringBuffer();
        private final Thread stdoutReader;
        private final Thread stderrReader;

        Launched(Process process) {
            this.process = process;
            stdoutReader = pump(process.getInputStream(), stdout, stdoutLines);
            stderrReader = pump(process.getErrorStream(), stderr, new LinkedBlockingQueue<>());
        }

        private static Thread pump(java.io.InputStream in, StringBuffer all, BlockingQueue<String> lines) {
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        all.append(line).append('\n');
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process is gone
                }
            });
            reader.setDaemon(true);
            reader.start();
            return reader;
        }

        /** SIGTERM, keeping our end of the pipes open (Process.destroy() would close them). */
        void sigterm() {
            process.toHandle().destroy();
        }

        Matcher awaitLine(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                String line = stdoutLines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    Matcher m = pattern.matcher(line);
                    if (m.matches()) {
                        return m;
                    }
                }
            }
            throw new AssertionError("no line matching " + pattern + "; stdout:\n" + stdout + "\nstderr:\n" + stderr());
        }

        String stdout() throws InterruptedException {
            stdoutReader.join(5_000);
            return stdout.toString();
        }

        String stderr() throws InterruptedException {
            if (!process.isAlive()) {
                stderrReader.join(5_000);
            }
            return stderr.toString();
        }
    }
}
