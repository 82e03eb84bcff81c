package dev.groundup.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A statement during a background open that cannot finish gives up at the timeout, as an outage.
 * PostgreSQL only: it goes over a socket that can be held, while an H2 database opens in this JVM.
 */
class DatabaseOpeningTimeoutTest {
    @Test
    void aStatementGivesUpAtTheTimeoutWhileTheDatabaseCannotOpen() throws Exception {
        String url = TestPostgres.freshUrl();
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
            proxy.freeze(); // the open cannot finish before its own bound, nor the statement before its
            Database database = Database.openInBackground(url.replace(":5432/", ":" + proxy.port() + "/"), List.of(),
                    Duration.ofSeconds(1));
            assertThatThrownBy(() -> DatabaseTest.strings(database, "SELECT 1"))
                    .satisfies(e -> assertThat(Outages.isOutage(e)).as("an outage: 503, Retry-After").isTrue());
            proxy.open();
            database.close(); // the open ends (it failed at its bound, or finished now), then the pool closes
        }
    }
}
