package dev.groundup.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.InProcess;
import dev.groundup.db.Database;
import dev.groundup.db.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 64 clients create, patch and delete todos at once for a bounded time: not one 5xx, and the
 * stored list is exactly what the acknowledged answers imply.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class LoadWithoutLossTest {
    private static final int CLIENTS = 64;
    private static final Duration LOAD = Duration.ofSeconds(10);

    @Parameter
    TestDatabase testDatabase;

    @Test
    void sixtyFourWritersLoseNothing() throws Exception {
        try (Database database = Database.open(testDatabase.url())) {
            Server server = InProcess.startTodoApi(database);
            try {
                URI base = InProcess.base(server);
                assertThat(send(base, "DELETE").statusCode()).isEqualTo(204); // this run's database may hold others' todos

                Writers writers = new Writers(CLIENTS, 9, () -> base).start();
                TimeUnit.MILLISECONDS.sleep(LOAD.toMillis()); // how long the load runs, not an ordering
                writers.stop();

                System.out.println(testDatabase + ": " + writers.summary());
                assertThat(writers.acknowledged()).as("the load ran").isGreaterThan(CLIENTS);
                assertThat(writers.statuses.keySet()).as(writers.summary()).allMatch(status -> status < 500);
                assertThat(writers.unanswered.get() + writers.refused.get()).as(writers.summary()).isZero();
                assertThat(writers.lost(send(base, "GET").body())).isEmpty();
                send(base, "DELETE");
            } finally {
                server.stop();
            }
        }
    }

    private static HttpResponse<String> send(URI base, String method) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/todos"))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
