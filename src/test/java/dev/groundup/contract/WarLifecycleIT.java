package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import dev.groundup.contract.Servers.Started;
import dev.groundup.db.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The WAR's life in the standalone containers, beyond serving: a database that does not answer
 * fails the deployment, saying why in the container's log; a stop leaves nothing of ours behind.
 */
class WarLifecycleIT {

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void anUnreachableDatabaseFailsTheDeploymentAndTheLogSaysWhy(String container) throws InterruptedException {
        int closedPort = Servers.freePort();
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/groundup?user=app&password=s3cret";
        Started started = container.equals("jetty")
                ? Servers.startJetty("jetty-unreachable-db", url)
                : Servers.startTomcat("tomcat-unreachable-db", url);
        try {
            String log = awaitLog(started, "cannot connect to the database");

            assertThat(log).contains("cannot connect to the database jdbc:postgresql://127.0.0.1:" + closedPort
                    + "/groundup?user=app&password=***: Cannot reach 127.0.0.1:" + closedPort + ": connection refused");
            assertThat(log).doesNotContain("s3cret").doesNotContain("failed to unregister it");
            if (container.equals("jetty")) {
                // Jetty deploys at startup and, told to throw on a failed start, stops: exit non-zero.
                assertThat(started.process().waitFor(60, TimeUnit.SECONDS)).as("jetty exits").isTrue();
                assertThat(started.process().exitValue()).isNotZero();
            } else {
                // Tomcat lives on without the application.
                Reply hello = Http.send(ClassicRequestBuilder.get(started.base().resolve("/hello")).build());
                assertThat(hello.status()).isEqualTo(404);
            }
        } finally {
            Servers.stop(started.process());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void stoppingTomcatLeavesNoThreadOrDriverOfOursBehind(String database) {
        String url = database.equals("h2") ? Servers.DB_URL : TestPostgres.url();
        Started started = Servers.startTomcat("tomcat-stop-" + database, url);
        try {
            Servers.awaitReady(started);
            Reply created = Http.send(ClassicRequestBuilder.post(started.base().resolve("/api/todos"))
                    .setEntity(new StringEntity("{\"title\":\"use the pool\"}", ContentType.APPLICATION_JSON)).build());
            assertThat(created.status()).isEqualTo(201);
        } finally {
            Servers.stop(started.process());
        }

        // Tomcat checks each web application for leftovers as it stops it, and logs what it finds.
        String log = read(started);
        assertThat(log).contains("Stopping service");
        assertThat(log).doesNotContain("failed to stop it")
                .doesNotContain("failed to unregister it")
                .doesNotContainIgnoringCase("memory leak");
    }

    /** The log once it contains {@code text}; fails if the process exits or a minute and a half passes without it. */
    private static String awaitLog(Started started, String text) {
        for (int i = 0; i < 900; i++) {
            String log = read(started);
            if (log.contains(text)) {
                return log;
            }
            if (!started.process().isAlive()) {
                break;
            }
            sleep();
        }
        throw new AssertionError(started.name() + "'s log never said '" + text + "':\n" + Servers.tail(started.log()));
    }

    /** The container's output and, for Tomcat, its log files (where a listener's exception goes). */
    private static String read(Started started) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> logs = Stream.concat(Stream.of(started.log()), Files.isDirectory(started.log().resolveSibling("logs"))
                ? Files.list(started.log().resolveSibling("logs")) : Stream.empty())) {
            for (Path log : logs.sorted().toList()) {
                all.append(Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
