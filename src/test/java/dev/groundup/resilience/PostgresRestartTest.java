package dev.groundup.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.InProcess;
import dev.groundup.db.Database;
import dev.groundup.db.ThrowawayPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped ({@code pg_ctl stop -m fast}) and started again under 32 writers: while it is
 * down only 503s with Retry-After, /health down then up, the application recovers without a
 * restart, and no acknowledged write is lost.
 */
class PostgresRestartTest {
    private static final int WRITERS = 32;

    @Test
    void aRestartUnderLoadLosesNothingAndAnswersOnly503WhileDown() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start(); Database database = Database.open(postgres.url())) {
            Server server = InProcess.startTodoApi(database);
            try {
                URI base = InProcess.base(server);
                Writers writers = new Writers(WRITERS, 17, () -> base).start();
                await("writes acknowledged before the stop", () -> writers.acknowledged() > 200);

                postgres.stopServer();
                await("/health says down", () -> status(base, "/health") == 503);
                int acknowledgedWhileDown = writers.acknowledged();
                await("writers answered 503 while down", () -> writers.count(503) > WRITERS);
                assertThat(writers.acknowledged() - acknowledgedWhileDown).as("no 2xx while the database is stopped")
                        .isLessThanOrEqualTo(WRITERS); // those already past the database when it stopped

                postgres.startServer();
                long started = System.nanoTime();
                await("/health says up", () -> status(base, "/health") == 200);
                long healthUp = (System.nanoTime() - started) / 1_000_000;
                int acknowledgedAtRecovery = writers.acknowledged();
                await("writes acknowledged after the restart", () -> writers.acknowledged() > acknowledgedAtRecovery + 200);
                long writesUp = (System.nanoTime() - started) / 1_000_000;
                writers.stop();

                System.out.println("PostgreSQL restart: /health up " + healthUp + " ms and 200 more writes "
                        + writesUp + " ms after pg_ctl start returned; " + writers.summary());
                // Recovery is the behaviour under test, so it is timed, with a wide margin: HikariCP's own
                // back-off (10 ms doubling to 5 s between attempts) took 4.9 s here; ours retries every 200 ms.
                assertThat(healthUp).as("ms from pg_ctl start to /health up").isLessThan(2_500);
                assertThat(writers.badFailures.get()).as(writers.summary()).isZero();
                assertThat(writers.statuses.keySet()).as(writers.summary()).isSubsetOf(200, 201, 204, 503);
                assertThat(writers.unanswered.get() + writers.refused.get()).as(writers.summary()).isZero();
                assertThat(writers.lost(get(base, "/api/todos").body())).isEmpty();
            } finally {
                server.stop();
            }
        }
    }

    private static int status(URI base, String path) {
        try {
            return get(base, path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code condition} until it holds, for at most 60 s. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(20); // poll interval
        }
    }
}
