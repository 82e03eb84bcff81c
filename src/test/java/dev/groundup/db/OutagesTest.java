package dev.groundup.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Which failures are an outage of the database (503, retry) and which are bugs or answers (500, 4xx). */
class OutagesTest {
    @Test
    void connectionFailuresAnywhereInTheChainAreAnOutage() {
        assertThat(Outages.isOutage(new IllegalStateException(
                new SQLTransientConnectionException("pool: connection is not available, request timed out")))).isTrue();
        assertThat(Outages.isOutage(new RuntimeException(new SQLNonTransientConnectionException("connection broken")))).isTrue();
        // PostgreSQL reports a lost connection as SQLSTATE 08006, a refused one as 08001
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(Outages.isOutage(new SQLException("refused", "08001"))).isTrue();
    }

    @Test
    void aServerShuttingDownOrRestartingIsAnOutage() {
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("crash shutdown", "57P02")))).isTrue();
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("the database system is starting up", "57P03")))).isTrue();
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("canceling statement due to statement timeout", "57014")))).isTrue();
    }

    @Test
    void anOutageSuppressedBehindAnotherFailureStillCounts() {
        RuntimeException rollbackFailed = new IllegalStateException("rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.addSuppressed(new RuntimeException(new SQLException("terminating connection", "57P01")));
        assertThat(Outages.isOutage(rollbackFailed)).isTrue();
    }

    @Test
    void answersOfTheDatabaseAndOtherFailuresAreNot() {
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("syntax error", "42601")))).isFalse();
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("no state")))).isFalse();
        assertThat(Outages.isOutage(new IllegalStateException("a bug"))).isFalse();
    }

    /** What pgjdbc really throws on a connection whose backend was terminated, as by a restart. */
    @Test
    void aTerminatedPostgresBackendIsAnOutage() throws Exception {
        String url = TestPostgres.url();
        try (Connection victim = DriverManager.getConnection(url); Connection admin = DriverManager.getConnection(url)) {
            int pid;
            try (Statement statement = victim.createStatement()) {
                var rs = statement.executeQuery("SELECT pg_backend_pid()");
                rs.next();
                pid = rs.getInt(1);
            }
            try (Statement statement = admin.createStatement()) {
                statement.execute("SELECT pg_terminate_backend(" + pid + ")");
            }
            Throwable failure = catchThrowable(() -> {
                try (Statement statement = victim.createStatement()) {
                    statement.execute("SELECT 1");
                }
            });
            assertThat(failure).isInstanceOf(SQLException.class);
            assertThat(Outages.isOutage(failure)).as("%s %s", ((SQLException) failure).getSQLState(), failure).isTrue();
        }
    }

    /** What a Jdbi transaction really throws when its pooled connection dies between statements. */
    @Test
    void aTransactionWhoseConnectionWasTerminatedIsAnOutage() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestPostgres.url());
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config); Connection admin = DriverManager.getConnection(TestPostgres.url())) {
            Jdbi jdbi = Jdbi.create(pool);
            Throwable failure = catchThrowable(() -> jdbi.useTransaction(handle -> {
                int pid = handle.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
                try (Statement statement = admin.createStatement()) {
                    statement.execute("SELECT pg_terminate_backend(" + pid + ")");
                }
                handle.createQuery("SELECT 1").mapTo(Integer.class).one();
            }));
            assertThat(failure).isNotNull();
            assertThat(Outages.isOutage(failure)).as("%s", failure).isTrue();
        }
    }

    /** HikariCP's own words for a connection it closed after the database broke it. */
    @Test
    void aPooledConnectionAlreadyClosedIsAnOutage() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:outages");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Connection connection = pool.getConnection();
            connection.setAutoCommit(false);
            connection.close();
            Throwable failure = catchThrowable(connection::commit);
            assertThat(failure).hasMessage("Connection is closed");
            assertThat(Outages.isOutage(failure)).isTrue();
        }
    }
}
