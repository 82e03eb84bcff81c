package dev.groundup.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which handler failures are an outage of the database (503) and which are bugs (500). */
class LostTheDatabaseTest {
    @Test
    void connectionFailuresAnywhereInTheChainAreAnOutage() {
        assertThat(DatabaseOutage.lostTheDatabase(new IllegalStateException(
                new SQLTransientConnectionException("pool: connection is not available, request timed out")))).isTrue();
        assertThat(DatabaseOutage.lostTheDatabase(new RuntimeException(
                new SQLNonTransientConnectionException("connection broken")))).isTrue();
        // PostgreSQL reports a lost connection as SQLSTATE 08006, a refused one as 08001
        assertThat(DatabaseOutage.lostTheDatabase(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseOutage.lostTheDatabase(new SQLException("refused", "08001"))).isTrue();
    }

    @Test
    void answersOfTheDatabaseAndOtherFailuresAreNot() {
        assertThat(DatabaseOutage.lostTheDatabase(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.lostTheDatabase(new RuntimeException(new SQLException("no state")))).isFalse();
        assertThat(DatabaseOutage.lostTheDatabase(new IllegalStateException("a bug"))).isFalse();
    }
}
