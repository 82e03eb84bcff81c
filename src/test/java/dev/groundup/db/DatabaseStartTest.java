package dev.groundup.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundup.StartupException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.UUID;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How the database is opened at start: Flyway left out when the schema is current (and only
 * then), the open on a thread of its own with statements waiting for it, on H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class DatabaseStartTest {
    private static final String APP = "classpath:db/migration";
    private static final String HISTORY = "flyway_schema_history";

    @Parameter
    TestDatabase testDatabase;

    /** Where the H2 files go: a file database, as the launcher's, outlives closing it. */
    @TempDir
    Path dir;

    /** An empty database of its own: an H2 file, or a new PostgreSQL database. */
    private String fresh() {
        return testDatabase == TestDatabase.H2
                ? "jdbc:h2:file:" + dir.resolve(UUID.randomUUID().toString()).resolve("db")
                : TestPostgres.freshUrl();
    }

    @Test
    void aFreshDatabaseIsNotCurrentAndAMigratedOneIs() throws Exception {
        String url = fresh();
        DataSource plain = new Plain(url);
        try (Database database = Database.open(url)) {
            assertThat(SchemaCheck.currentVersion(plain, APP, HISTORY)).isEqualTo("1");
            execute(url, "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '1'");
            assertThat(SchemaCheck.currentVersion(plain, APP, HISTORY)).as("V1 not applied").isNull();
        }
        assertThat(SchemaCheck.currentVersion(new Plain(fresh()), APP, HISTORY)).as("no history table").isNull();
    }

    @Test
    void anOlderDatabaseIsStillMigrated() {
        String url = fresh();
        Database.Migrations older = new Database.Migrations("classpath:db/schemacheck-v1", "schemacheck_history");
        Database.Migrations newer = new Database.Migrations("classpath:db/schemacheck-v2", "schemacheck_history");
        try (Database first = Database.open(url, List.of(older))) {
            assertThat(SchemaCheck.currentVersion(new Plain(url), newer.location(), newer.historyTable())).isNull();
        }
        try (Database second = Database.open(url, List.of(newer))) {
            assertThat(DatabaseTest.strings(second, "SELECT COUNT(*) FROM schemacheck_two")).containsExactly("0");
            assertThat(SchemaCheck.currentVersion(new Plain(url), newer.location(), newer.historyTable())).isEqualTo("1.1");
        }
    }

    @Test
    void aMigrationChangedAfterItWasAppliedIsStillReportedByFlyway() {
        String url = fresh();
        Database.open(url).close();
        execute(url, "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'");

        assertThat(SchemaCheck.currentVersion(new Plain(url), APP, HISTORY)).isNull();
        assertThatThrownBy(() -> Database.open(url).close())
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("cannot migrate the database")
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void aFailedMigrationInTheHistoryIsLeftToFlyway() {
        String url = fresh();
        Database.open(url).close();
        execute(url, "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '1'");

        assertThat(SchemaCheck.currentVersion(new Plain(url), APP, HISTORY)).isNull();
        assertThatThrownBy(() -> Database.open(url).close()).isInstanceOf(StartupException.class)
                .hasMessageStartingWith("cannot migrate the database");
    }

    @Test
    void twoInstancesStartingAtOnceOnAFreshDatabaseBothOpen() throws Exception {
        String url = fresh();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Database>> opening = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                opening.add(two.submit(() -> {
                    go.await();
                    return Database.open(url);
                }));
            }
            go.countDown();
            try (Database first = opening.get(0).get(60, TimeUnit.SECONDS);
                 Database second = opening.get(1).get(60, TimeUnit.SECONDS)) {
                assertThat(DatabaseTest.strings(first, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1'"))
                        .containsExactly("1");
                assertThat(DatabaseTest.strings(second, "SELECT COUNT(*) FROM todo")).containsExactly("0");
            }
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void inTheBackgroundAStatementWaitsForTheOpenAndThenRuns() throws Exception {
        try (Database database = Database.openInBackground(fresh(), List.of(), Duration.ofSeconds(60))) {
            // Asked at once, most likely while the database still opens; answered either way.
            assertThat(DatabaseTest.strings(database, "SELECT COUNT(*) FROM todo")).containsExactly("0");
            assertThat(database.isOpening()).isFalse();
            assertThat(database.opened()).isCompleted();
        }
    }

    @Test
    void inTheBackgroundAFailedOpenCompletesOpenedWithTheStartupFailure() throws Exception {
        String url = fresh();
        Database.open(url).close();
        execute(url, "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '1'");

        Database database = Database.openInBackground(url, List.of(), Duration.ofSeconds(60));
        CompletableFuture<Void> opened = database.opened();
        assertThatThrownBy(() -> opened.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(StartupException.class);
        // A request then is an outage: 503 with Retry-After (DatabaseOutage), not a 500.
        assertThatThrownBy(() -> DatabaseTest.strings(database, "SELECT 1")).satisfies(e -> assertThat(Outages.isOutage(e)).isTrue());
        database.close();
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** DriverManager as a DataSource: a connection of the test's own, no pool. */
    private record Plain(String url) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("test");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
