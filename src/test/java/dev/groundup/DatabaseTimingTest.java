package dev.groundup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.db.Database;
import dev.groundup.db.TcpProxy;
import dev.groundup.db.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How long requests wait on a PostgreSQL that freezes or goes away (through a {@link TcpProxy}
 * that can hold or cut its bytes), with a database timeout of 2 s. These bounds are the behaviour
 * under test, so they are asserted, each with a wide margin over what it must beat: the pool's 5 s
 * wait, a frozen database's forever. (Recovery after a real restart is PostgresRestartTest's.)
 */
class DatabaseTimingTest {
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(2);

    private TcpProxy proxy;
    private Database database;
    private Server server;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        String direct = TestPostgres.url();
        proxy = new TcpProxy("127.0.0.1", 5432);
        database = Database.open(direct.replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port()), List.of(), DB_TIMEOUT);
        server = InProcess.startTodoApi(database);
        base = InProcess.base(server);
        assertThat(get("/health", Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
        assertThat(get("/api/todos", Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        server.stop();
        database.close();
    }

    @Test
    void healthSaysDownWithinItsOwnTwoSecondsWhenTheDatabaseFreezes() throws Exception {
        proxy.freeze();
        // Before: the check waited on the pool (5 s) or on a validation of its connection (5 s).
        HttpResponse<String> health = get("/health", Duration.ofMillis(4_500));
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).isEqualTo("{\"status\":\"down\",\"database\":\"down\"}");
        proxy.open();
        assertThat(eventually200("/health")).isTrue(); // a question still out when it thawed may fail yet
    }

    @Test
    void aRequestOnAFrozenDatabaseGets503AfterTheDatabaseTimeout() throws Exception {
        // Warm: every pooled connection was used just now, so none is validated before use.
        get("/api/todos", Duration.ofSeconds(10));
        proxy.freeze();
        // Before: no socket or statement timeout, so the request waited as long as the database was frozen.
        HttpResponse<String> frozen = get("/api/todos", Duration.ofSeconds(20));
        assertThat(frozen.statusCode()).isEqualTo(503);
        assertThat(frozen.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(frozen.body()).contains("The database is not answering");
        proxy.open();
        assertThat(eventually200("/api/todos")).isTrue();
    }

    private boolean eventually200(String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get(path, Duration.ofSeconds(20)).statusCode() == 200) {
                    return true;
                }
            } catch (HttpTimeoutException e) {
                // still waiting
            }
        }
        return false;
    }

    private HttpResponse<String> get(String path, Duration timeout) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
