package dev.groundup.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A migration statement may run longer than a request may wait on the database (a first start
 * seeding tables on a slow machine): the start does not fail with "canceling statement due to
 * statement timeout", while requests keep their own, shorter bound. PostgreSQL: pg_sleep honours
 * the statement timeout, where H2 cannot cancel a sleeping function; both get the same settings
 * from Database.forMigrations.
 */
class MigrationTimeoutTest {
    private static final Duration REQUEST_BOUND = Duration.ofSeconds(1);

    @Test
    void aMigrationMayRunLongerThanARequestMayWait() {
        try (Database database = Database.open(TestPostgres.freshUrl(),
                List.of(new Database.Migrations("classpath:db/slow-postgresql", "slow_history")), REQUEST_BOUND)) {
            assertThat(DatabaseTest.strings(database, "SELECT COUNT(*) FROM slow_done")).containsExactly("0");
            assertThatThrownBy(() -> DatabaseTest.strings(database, "SELECT pg_sleep(2.5)::text"))
                    .as("a request's statement is still held to its bound")
                    .isNotNull();
        }
    }
}
