package dev.groundup.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of the test's own (initdb, then pg_ctl on a free loopback port), for tests
 * that stop and restart the database. PostgreSQL refuses to run as root, so as root it runs as the
 * {@code postgres} user (runuser) in a temporary folder that user owns. Where that is impossible
 * the test is skipped with the reason, unless {@code CI=true}: there it fails.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    private static final List<Path> BIN_DIRS = List.of(Path.of("/usr/lib/postgresql/15/bin"), Path.of("/usr/local/bin"),
            Path.of("/usr/lib/postgresql/16/bin"), Path.of("/usr/lib/postgresql/17/bin"), Path.of("/usr/bin"));

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private ThrowawayPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** A new cluster, initialized and started; or the test is skipped (fails under CI=true). */
    public static ThrowawayPostgres start() {
        Path bin = BIN_DIRS.stream().filter(d -> Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl")))
                .findFirst().orElse(null);
        if (bin == null) {
            unusable("initdb and pg_ctl not found in " + BIN_DIRS);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("groundup-pg-");
            if (root) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
            }
            ThrowawayPostgres cluster = new ThrowawayPostgres(bin, dir, freePort(), root);
            cluster.run("initdb", "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
            cluster.startServer();
            return cluster;
        } catch (IOException | RuntimeException e) {
            unusable("cannot start a throwaway PostgreSQL: " + e.getMessage());
            return null;
        }
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    public void startServer() {
        run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** {@code pg_ctl stop -m fast}: every session is terminated (57P01), as in a restart. */
    public void stopServer() {
        run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    @Override
    public void close() {
        try {
            run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException ignored) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind
        }
    }

    private void run(String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(tool + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException(tool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(tool + " interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void unusable(String why) {
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(why + " -- CI=true requires a throwaway PostgreSQL");
        }
        Assumptions.abort(why + " -- skipping (with CI=true this fails instead)");
    }
}
