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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.groundup.db.TcpProxy;
import dev.groundup.db.TestPostgres;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.groundup.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code java -jar target/groundup.jar}: its lines, flags, environment, signals and exit codes. */
class LauncherIT {
    /** The seed's line: time.asctime() then "Server UP - " and a URL a terminal makes clickable. */
    private static final Pattern UP = Pattern.compile(
            "^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} Server UP - http://(\\S+):(\\d+)/$");
    private static final Pattern DOWN = Pattern.compile(
            "^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} Server DOWN - http://(\\S+):(\\d+)/$");

    /** The UP line with HTTPS: the plain URL, then the HTTPS one. */
    private static final Pattern UP_WITH_HTTPS = Pattern.compile(
            "^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} Server UP - http://(\\S+):(\\d+)/ https://(\\S+):(\\d+)/$");

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
            // Headers now, the form later; 100 Continue says the request is in the application, waiting for its body.
            out.write(("POST /hello HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 8\r\nConnection: close\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 100");
            out.write("name".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            app.sigterm(); // while the request is in flight
            awaitRefused(port); // the stop has begun: no new connections
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
    void aRequestStillRunningAfterTheGracePeriodIsCutOffAndTheStopEndsNormally() throws Exception {
        Launched app = launch(Map.of(), "--port", "0");
        Matcher up = app.awaitLine(UP);
        int port = Integer.parseInt(up.group(2));

        try (Socket socket = trickling(port)) {
            app.sigterm();
            Matcher down = app.awaitLine(DOWN); // after the grace period, not never
            assertThat(down.group(2)).isEqualTo(up.group(2));
            assertThat(app.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(app.process.exitValue()).isZero();
        }
        assertThat(app.stderr()).contains("groundup: requests still running after 5 s were cut off")
                .doesNotContain("Exception");
    }

    @Test
    void aSecondSignalStopsAtOnce() throws Exception {
        Launched app = launch(Map.of(), "--port", "0");
        int port = Integer.parseInt(app.awaitLine(UP).group(2));

        try (Socket socket = trickling(port)) {
            app.sigterm();
            app.awaitStderr("groundup: stopping at once", () -> app.sigterm());
            app.awaitLine(DOWN);
            assertThat(app.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(app.process.exitValue()).isZero();
        }
        // The grace period did not run out: the second signal ended the wait.
        assertThat(app.stderr()).doesNotContain("were cut off").doesNotContain("Exception");
    }

    /** Reads up to the blank line that ends a response head. */
    private static String readHead(java.io.InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** Polls until the launcher refuses new connections, for at most 30 s. */
    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("localhost", port)) {
                TimeUnit.MILLISECONDS.sleep(50); // poll interval
            } catch (IOException refused) {
                return;
            }
        }
        throw new AssertionError("still accepting connections 30 s after SIGTERM");
    }

    /**
     * A connection that has had one answer and is now in a request the application has started
     * on (it asked for the body: 100 Continue), whose body trickles in, a byte every 200 ms, until
     * the server closes the connection.
     */
    private static Socket trickling(int port) throws IOException {
        return trickling(new Socket("localhost", port));
    }

    /** As above, on a connection the caller made (a TLS one, say). */
    private static Socket trickling(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        java.io.InputStream in = socket.getInputStream();
        String head = "";
        while (!head.endsWith("Hello World")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the first answer");
            }
            head += (char) b;
        }
        // Expect: 100-continue, so the server says when the application has started on the request.
        out.write(("POST /hello HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 100000\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String interim = readHead(in);
        if (!interim.startsWith("HTTP/1.1 100")) {
            throw new IOException("not 100 Continue: " + interim);
        }
        out.write("name=".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread trickle = new Thread(() -> {
            try {
                while (true) {
                    TimeUnit.MILLISECONDS.sleep(200); // the pace of a slow client, not an ordering
                    out.write('a');
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // closed by the server (or the test): done
            }
        });
        trickle.setDaemon(true);
        trickle.start();
        return socket;
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
        assertFailsWithOneLine(launch(Map.of("GROUNDUP_PORT", "x")), 2, "GROUNDUP_PORT must be a number");
        assertFailsWithOneLine(launch(Map.of("PORT", "abc")), 2, "groundup: PORT must be a number between 0 and 65535, got 'abc'");
        assertFailsWithOneLine(launch(Map.of(), "abc"), 2, "the port argument must be a number");
    }

    @Test
    void binGroundupMakesAnArchiveOnItsFirstRunAndStartsWithItAfterwards() throws Exception {
        Path jar = Path.of(System.getProperty("groundup.jar")).toAbsolutePath();
        Path script = jar.getParent().resolveSibling("bin").resolve("groundup");
        try (var old = Files.newDirectoryStream(jar.getParent(), "groundup-*.{jsa,aot}")) {
            for (Path archive : old) {
                Files.delete(archive);
            }
        }
        for (int run = 1; run <= 2; run++) {
            ProcessBuilder builder = new ProcessBuilder(script.toString(), "--port", "0").directory(workDir.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("GROUNDUP_") || k.equals("PORT") || k.equals("JAVA_OPTS"));
            builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Launched app = new Launched(builder.start());
            launched.add(app);
            int port = Integer.parseInt(app.awaitLine(UP).group(2));
            assertThat(get(port, "/hello")).isEqualTo("Hello World");
            assertThat(fetch(port, "/api/todos").statusCode()).isEqualTo(200);

            app.sigterm();
            app.awaitLine(DOWN);
            assertThat(app.process.waitFor(120, TimeUnit.SECONDS)).as("exits, the archive written").isTrue();
            assertThat(app.process.exitValue()).isZero();
            assertThat(app.stderr()).as("run %d", run).doesNotContain("Exception").doesNotContainIgnoringCase("error");
            try (var made = Files.newDirectoryStream(jar.getParent(), "groundup-*.{jsa,aot}")) {
                assertThat(made).as("the archive beside the jar after run %d", run).isNotEmpty();
            }
        }
    }

    @Test
    void onVirtualThreadsItServesTheApplicationAndStops() throws Exception {
        // On Java 21+ the requests run on virtual threads; on 17 the switch is accepted and changes nothing.
        Launched app = launch(Map.of("GROUNDUP_VIRTUAL_THREADS", "true"), "--port", "0");
        int port = Integer.parseInt(app.awaitLine(UP).group(2));

        assertThat(get(port, "/hello")).isEqualTo("Hello World");
        assertThat(fetch(port, "/api/todos").statusCode()).isEqualTo(200);
        assertThat(fetch(port, "/").statusCode()).isEqualTo(200);

        app.sigterm();
        app.awaitLine(DOWN);
        assertThat(app.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(app.process.exitValue()).isZero();
        assertThat(app.stderr()).doesNotContain("Exception");
    }

    @Test
    void whileTheDatabaseOpensFilesAreServedHealthSaysStartingAndDatabaseRoutesWaitForIt() throws Exception {
        String database = TestPostgres.url(); // migrated or not: the open, whatever it does, is held
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
            proxy.freeze(); // connections are accepted, not a byte answered: the open cannot finish
            int port = freePort();
            Launched app = launch(Map.of(), "--port", String.valueOf(port), "--db-timeout", "300",
                    "--db-url", database.replace(":5432/", ":" + proxy.port() + "/"));

            awaitStatus(app, port, "/", 200); // files are served already
            assertThat(get(port, "/hello")).isEqualTo("Hello World"); // and what needs no database
            HttpResponse<byte[]> health = fetch(port, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(new String(health.body(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"status\":\"starting\",\"database\":\"starting\"}");
            assertThat(app.stdout.toString()).as("UP once the database is open").doesNotContain("Server UP");

            // Sent while the database cannot be open; answered once it is.
            CompletableFuture<HttpResponse<String>> todos = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/todos")).build(),
                    HttpResponse.BodyHandlers.ofString());
            proxy.open();

            assertThat(todos.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(Integer.parseInt(app.awaitLine(UP).group(2))).isEqualTo(port);
            assertThat(fetch(port, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anUnreachableDatabaseIsOneClearLineAndExit1() throws Exception {
        int closedPort = freePort();
        Launched app = launch(Map.of("GROUNDUP_DB_URL",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/groundup?user=app&password=s3cret"), "--port", "0");

        assertFailsWithOneLine(app, 1, "cannot connect to the database jdbc:postgresql://127.0.0.1:" + closedPort
                + "/groundup?user=app&password=***: Cannot reach 127.0.0.1:" + closedPort + ": connection refused");
        assertThat(app.stderr()).doesNotContain("s3cret");
    }

    @Test
    void theDefaultDatabaseIsAnH2FileUnderDataThatKeepsTodosAcrossARestart() throws Exception {
        // With a secret, as in production: without one the log rightly warns that forms will not survive the restart.
        Launched first = launch(Map.of(), "--port", "0", "--secret", "a secret that outlives a restart");
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

        Launched second = launch(Map.of("GROUNDUP_SECRET", "a secret that outlives a restart"), "--port", "0");
        int secondPort = Integer.parseInt(second.awaitLine(UP).group(2));

        assertThat(get(secondPort, "/api/todos")).contains("\"title\":\"survive a restart\"");
        assertThat(first.stderr() + second.stderr()).doesNotContain("Exception").doesNotContain("WARN");
    }

    @Test
    void withoutASecretTheLogSaysFormsWillNotSurviveARestart() throws Exception {
        Launched app = launch(Map.of(), "--port", "0", "--db-url", "jdbc:h2:mem:no-secret");
        app.awaitLine(UP);
        app.sigterm();
        app.awaitLine(DOWN);
        assertThat(app.process.waitFor(15, TimeUnit.SECONDS)).isTrue();

        assertThat(app.stderr()).containsOnlyOnce("No secret is set").contains("forms will not survive a restart");
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
                "GROUNDUP_STATIC_ROOT " + file + " is not a directory");
    }

    @Test
    void servingTheWorkingDirectoryKeepsTheDatabaseOutOfItAndHidesDotfiles(@TempDir Path dataHome) throws Exception {
        java.nio.file.Files.createDirectories(workDir.resolve(".git"));
        java.nio.file.Files.writeString(workDir.resolve(".git/config"), "[core] secret");
        java.nio.file.Files.writeString(workDir.resolve(".env"), "PASSWORD=secret");
        java.nio.file.Files.createDirectories(workDir.resolve(".well-known"));
        java.nio.file.Files.writeString(workDir.resolve(".well-known/security.txt"), "Contact: mailto:a@example.com");
        java.nio.file.Files.writeString(workDir.resolve("LICENSE"), "license text");
        Launched app = launch(Map.of("XDG_DATA_HOME", dataHome.toString()), "0", "--static-root", ".");
        int port = Integer.parseInt(app.awaitLine(UP).group(2));

        assertThat(workDir.resolve("data")).as("nothing written into the served folder").doesNotExist();
        try (var files = java.nio.file.Files.walk(dataHome)) {
            assertThat(files.map(Path::toString)).anyMatch(f -> f.endsWith("groundup.mv.db"));
        }
        assertThat(fetch(port, "/.git/config").statusCode()).isEqualTo(404);
        assertThat(fetch(port, "/.env").statusCode()).isEqualTo(404);
        assertThat(fetch(port, "/.git/").statusCode()).isEqualTo(404);
        assertThat(get(port, "/.well-known/security.txt")).isEqualTo("Contact: mailto:a@example.com");
        HttpResponse<byte[]> license = fetch(port, "/LICENSE");
        assertThat(license.statusCode()).isEqualTo(200);
        assertThat(license.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(new String(license.body(), StandardCharsets.UTF_8)).isEqualTo("license text");
    }

    @Test
    void theRunningDatabasesFilesAreNeverServedWhateverTheFlags() throws Exception {
        java.nio.file.Files.writeString(workDir.resolve("index.html"), "<h1>site</h1>");
        Launched app = launch(Map.of(), "--port", "0", "--static-root", ".", "--db-url", "jdbc:h2:./data/groundup",
                "--serve-dotfiles", "--list-dirs");
        int port = Integer.parseInt(app.awaitLine(UP).group(2));
        assertThat(workDir.resolve("data/groundup.mv.db")).isRegularFile();
        java.nio.file.Files.createSymbolicLink(workDir.resolve("db-link"), workDir.resolve("data/groundup.mv.db"));
        java.nio.file.Files.writeString(workDir.resolve(".hidden"), "shown with --serve-dotfiles");

        assertThat(fetch(port, "/data/groundup.mv.db").statusCode()).isEqualTo(404);
        assertThat(fetch(port, "/data/groundup.mv.db", "Range", "bytes=0-10").statusCode()).isEqualTo(404);
        assertThat(fetch(port, "/db-link").statusCode()).isEqualTo(404);
        assertThat(get(port, "/data/")).doesNotContain("groundup.mv.db");
        assertThat(get(port, "/.hidden")).isEqualTo("shown with --serve-dotfiles");
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

    @Test
    void overHttpsTheJarServesHttp2AndPrintsBothUrls() throws Exception {
        TestCertificates.Issued certificate = TestCertificates.shared().issue();
        Launched app = launch(Map.of("GROUNDUP_TLS_CERT", certificate.chainPem().toString(),
                "GROUNDUP_TLS_KEY", certificate.keyPem().toString()), "--port", "0", "--https-port", "0");
        Matcher up = app.awaitLine(UP_WITH_HTTPS);
        int httpsPort = Integer.parseInt(up.group(4));

        // From the jar: ALPN's provider is found through META-INF/services, which the assembly merges.
        HttpResponse<String> response = HttpClient.newBuilder().sslContext(TestCertificates.shared().clientContext())
                .version(HttpClient.Version.HTTP_2).build()
                .send(HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/hello")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.body()).isEqualTo("Hello World");
        assertThat(get(Integer.parseInt(up.group(2)), "/hello")).isEqualTo("Hello World");

        app.sigterm();
        assertThat(app.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(app.process.exitValue()).isZero();
        assertThat(app.stderr()).doesNotContain("Exception");
    }

    @Test
    void aBrokenKeyFileIsOneLineNamingItAndExit2() throws Exception {
        TestCertificates.Issued certificate = TestCertificates.shared().issue();
        Path key = workDir.resolve("broken.key");
        java.nio.file.Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END PRIVATE KEY-----\n");
        assertFailsWithOneLine(launch(Map.of(), "--tls-cert", certificate.chainPem().toString(), "--tls-key", key.toString()),
                2, "--tls-key " + key + ": the key is damaged");

        // Another certificate's key: named, and why.
        TestCertificates.Issued other = TestCertificates.shared().issue();
        assertFailsWithOneLine(launch(Map.of(), "--tls-cert", certificate.chainPem().toString(),
                "--tls-key", other.keyPem().toString()), 2, "is not the key of the certificate in " + certificate.chainPem());
    }

    @Test
    void tls10And11AreRefusedEvenWhereTheJdkWouldAllowThem() throws Exception {
        // A JDK that allows TLS 1.0 and 1.1 (older builds, or java.security edited): the refusal must be ours.
        Path security = workDir.resolve("old-tls.security");
        java.nio.file.Files.writeString(security, "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, NULL, anon\n");
        String allowOld = "-Djava.security.properties=" + security;
        TestCertificates.Issued certificate = TestCertificates.shared().issue();
        Launched app = launch(List.of(allowOld), Map.of(), "--port", "0", "--https-port", "0",
                "--tls-cert", certificate.chainPem().toString(), "--tls-key", certificate.keyPem().toString());
        int httpsPort = Integer.parseInt(app.awaitLine(UP_WITH_HTTPS).group(4));

        assertThat(probe(allowOld, httpsPort, "TLSv1")).startsWith("REFUSED");
        assertThat(probe(allowOld, httpsPort, "TLSv1.1")).startsWith("REFUSED");
        assertThat(probe(allowOld, httpsPort, "TLSv1.2")).isEqualTo("OK TLSv1.2");
        assertThat(probe(allowOld, httpsPort, "TLSv1.3")).isEqualTo("OK TLSv1.3");
    }

    /** TlsProbe's one line: a handshake offering {@code protocol} only, from a JVM that allows it. */
    private String probe(String jvmOption, int port, String protocol) throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), jvmOption,
                "-cp", System.getProperty("java.class.path"), TlsProbe.class.getName(), "127.0.0.1", String.valueOf(port), protocol)
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output.lines().reduce((first, last) -> last).orElse("");
    }

    @Test
    void aSecondSignalClosesHttpsConnectionsAtOnceToo() throws Exception {
        TestCertificates.Issued certificate = TestCertificates.shared().issue();
        Launched app = launch(Map.of(), "--port", "0", "--https-port", "0",
                "--tls-cert", certificate.chainPem().toString(), "--tls-key", certificate.keyPem().toString());
        int httpsPort = Integer.parseInt(app.awaitLine(UP_WITH_HTTPS).group(4));

        try (Socket socket = trickling(TestCertificates.shared().clientContext().getSocketFactory()
                .createSocket("localhost", httpsPort))) {
            app.sigterm();
            app.awaitStderr("groundup: stopping at once", () -> app.sigterm());
            app.awaitLine(DOWN_WITH_HTTPS);
            assertThat(app.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(app.process.exitValue()).isZero();
        }
        // The second signal closed the HTTPS connection too: the grace period did not have to run out.
        assertThat(app.stderr()).doesNotContain("were cut off").doesNotContain("Exception");
    }

    private static final Pattern DOWN_WITH_HTTPS = Pattern.compile("^.* Server DOWN - http://\\S+/ https://\\S+/$");

    private void assertFailsWithOneLine(Launched app, int exitCode, String message) throws Exception {
        assertThat(app.process.waitFor(30, TimeUnit.SECONDS)).as("exits").isTrue();
        assertThat(app.process.exitValue()).isEqualTo(exitCode);
        // The database opens while the rest of the wiring goes on, and that warns of a missing
        // secret (a true warning, printed before the database's failure is known).
        List<String> lines = app.stderr().lines().filter(line -> !line.contains(" WARN  dev.groundup.csrf.Csrf - No secret is set")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("groundup: ").contains(message);
    }

    private Launched launch(Map<String, String> env, String... args) throws IOException {
        return launch(List.of(), env, args);
    }

    private Launched launch(List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("groundup.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("GROUNDUP_") || k.equals("PORT"));
        builder.environment().putAll(env);
        Launched app = new Launched(builder.start());
        launched.add(app);
        return app;
    }

    /** Polls {@code path} until it answers {@code status}: the launcher is starting. */
    private static void awaitStatus(Launched app, int port, String path, int status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            assertThat(app.process.isAlive()).as("the launcher is running; stderr:\n%s", app.stderr).isTrue();
            try {
                if (fetch(port, path).statusCode() == status) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // refused: not listening yet
            }
            assertThat(System.nanoTime()).as("%s answers %d within 60 s", path, status).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50); // a poll interval, not an ordering
        }
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

        /** Does {@code action} (again) until stderr has {@code text}, within 30 s. */
        void awaitStderr(String text, Runnable action) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!stderr.toString().contains(text)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no '" + text + "' on stderr:\n" + stderr + "\nstdout:\n" + stdout
                            + "\nalive: " + process.isAlive());
                }
                action.run();
                TimeUnit.MILLISECONDS.sleep(200); // a poll interval, not an ordering
            }
        }

        Matcher awaitLine(Pattern pattern) throws InterruptedException {
            // Generous: a JVM starting on a busy 2-core machine took over 30 s to its UP line (seen on Java 25).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
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
