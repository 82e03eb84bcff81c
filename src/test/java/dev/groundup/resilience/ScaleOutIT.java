package dev.groundup.resilience;

import static dev.groundup.resilience.PostgresRestartTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.db.TestPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-out recipe in {@code deploy/}: two launchers on one PostgreSQL behind nginx (its
 * configuration from deploy/nginx.conf.template, nginx in the foreground with its own prefix).
 * Skipped without nginx, except under CI=true.
 */
class ScaleOutIT {
    private static final Pattern UP = Pattern.compile(".* Server UP - http://\\S+:(\\d+)/$");
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void twoInstancesBehindNginxShareEverythingAndLoseNothingWhenOneDies() throws Exception {
        if (!Files.isExecutable(NGINX)) {
            String why = "nginx is not installed (apt-get install nginx-light)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why + " -- CI=true requires it");
            }
            Assumptions.abort(why + " -- skipping the scale-out test");
        }
        String db = TestPostgres.url();
        Process first = launch(db);
        Process second = launch(db);
        URI a = URI.create("http://127.0.0.1:" + port(first));
        URI b = URI.create("http://127.0.0.1:" + port(second));
        int nginxPort = freePort();
        startNginx(nginxPort, a, b);
        URI lb = URI.create("http://127.0.0.1:" + nginxPort);
        await("nginx answers", () -> status(lb, "GET", "/health", null) == 200);
        assertThat(send(lb, "DELETE", "/api/todos", null).statusCode()).isEqualTo(204);

        // Created through one instance, read and changed through the other.
        HttpResponse<String> created = send(a, "POST", "/api/todos", "{\"title\":\"shared\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String path = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(send(b, "GET", path, null).body()).contains("\"title\":\"shared\"");
        assertThat(send(b, "PATCH", path, "{\"completed\":true}").statusCode()).isEqualTo(200);
        assertThat(send(a, "GET", path, null).body()).contains("\"completed\":true");

        // Behind nginx, with --trust-proxy true, links name the address the client used.
        HttpResponse<String> viaLb = send(lb, "GET", path, null);
        assertThat(viaLb.body()).contains("\"url\":\"" + lb + path + "\"");
        assertThat(send(lb, "DELETE", path, null).statusCode()).isEqualTo(204);

        // One instance killed mid-run: nginx keeps serving from the other, nothing acknowledged is lost.
        Writers writers = new Writers(16, 31, () -> lb).start();
        await("writes acknowledged", () -> writers.acknowledged() > 200);
        first.destroyForcibly();
        first.waitFor(10, TimeUnit.SECONDS);
        int atKill = writers.acknowledged();
        await("writes acknowledged after the kill", () -> writers.acknowledged() > atKill + 300);
        writers.stop();
        System.out.println("scale-out, one of two instances killed: " + writers.summary());

        assertThat(writers.lost(send(lb, "GET", "/api/todos", null).body())).isEmpty();
        assertThat(writers.unanswered.get() + writers.refused.get()).as(writers.summary()).isZero();
        // Only requests in flight at the kill may fail (502: nginx passes no sent POST/PATCH on).
        assertThat(writers.count(502)).as(writers.summary()).isLessThanOrEqualTo(16);
        assertThat(writers.statuses.keySet()).as(writers.summary()).isSubsetOf(200, 201, 204, 404, 502, 503);
        send(lb, "DELETE", "/api/todos", null);
    }

    private Process launch(String dbUrl) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("groundup.jar"), "--host", "127.0.0.1", "--port", "0",
                "--db-url", dbUrl, "--trust-proxy", "true")
                .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(k -> k.startsWith("GROUNDUP_") || k.equals("PORT"));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static int port(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            Matcher up = UP.matcher(line);
            if (up.matches()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(up.group(1));
            }
        }
        throw new AssertionError("the launcher ended without Server UP");
    }

    private void startNginx(int port, URI a, URI b) throws IOException {
        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        String conf = Files.readString(Path.of("deploy/nginx.conf.template"))
                .replace("@PREFIX@", prefix.toString())
                .replace("@LISTEN@", "127.0.0.1:" + port)
                .replace("@APP1@", a.getAuthority())
                .replace("@APP2@", b.getAuthority());
        Path file = Files.writeString(prefix.resolve("nginx.conf"), conf);
        Process nginx = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", file.toString(),
                "-e", prefix.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("out.log").toFile()).start();
        processes.add(nginx);
    }

    private static int status(URI base, String method, String path, String body) {
        try {
            return send(base, method, path, body).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static HttpResponse<String> send(URI base, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
