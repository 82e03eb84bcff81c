package dev.groundup.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundup.StartupException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Opening, migrating and closing the database, on H2 and on the real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class DatabaseTest {
    @Parameter
    TestDatabase testDatabase;

    @Test
    void openingMigratesToTheLatestSchema() {
        try (Database database = Database.open(testDatabase.url())) {
            List<String> applied = strings(database,
                    "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
            assertThat(applied).startsWith("1");
            assertThat(strings(database, "SELECT COUNT(*) FROM todo")).hasSize(1); // the table is there
        }
    }

    @Test
    void aSecondInstanceOnAMigratedDatabaseStartsAsIs() {
        String url = testDatabase.url();
        try (Database first = Database.open(url); Database second = Database.open(url)) {
            assertThat(strings(second, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1'"))
                    .containsExactly("1");
            assertThat(strings(first, "SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void closingStopsEveryThreadItStarted() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Database database = Database.open(testDatabase.url());
        strings(database, "SELECT COUNT(*) FROM todo");
        assertThat(newThreads(before)).as("the pool runs threads while open").isNotEmpty();

        database.close();

        assertThat(threadsLeftSince(before)).isEmpty();
    }

    /** Threads that were not running in {@code before}, once those told to stop have had time to. */
    static Set<String> threadsLeftSince(Set<Thread> before) throws InterruptedException {
        for (int i = 0; i < 100 && !newThreads(before).isEmpty(); i++) {
            Thread.sleep(100);
        }
        return newThreads(before);
    }

    static List<String> strings(Database database, String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(String.class).list());
    }

    private static Set<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                // the driver's own JVM-wide cleaner: it ends itself once idle, whoever started it
                .filter(t -> !t.getName().equals("PostgreSQL-JDBC-Cleaner"))
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }

    /**
     * The database timeout bounds a statement made on a handle's own connection, outside Jdbi's
     * statement API (as the TechEmpower repository's are): on H2 it was a JDBC query timeout that
     * Jdbi set on its own statements only.
     */
    @Test
    // Without the bound each query below runs for hours: fail, from a thread of its own, instead.
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStatementMadeOnTheRawConnectionIsCancelledAtTheTimeout() {
        String endless = testDatabase == TestDatabase.H2
                ? "SELECT SUM(a.X + b.X) FROM SYSTEM_RANGE(1, 100000000) a, SYSTEM_RANGE(1, 100000000) b"
                : "SELECT pg_sleep(3600)";
        try (Database database = Database.open(testDatabase.url(), List.of(), Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> database.jdbi().useHandle(handle -> {
                try (Statement statement = handle.getConnection().createStatement()) {
                    statement.executeQuery(endless);
                }
            })).isInstanceOf(SQLException.class).matches(Outages::isOutage, "is an outage (503)");
        }
    }
}

/** What only H2 or only PostgreSQL can show: files on disk, a server that is not there. */
class DatabaseStartupTest {
    @Test
    void anH2FileDatabaseIsCreatedWithItsFolderAndSurvivesAReopen(@TempDir Path dir) throws InterruptedException {
        String url = "jdbc:h2:" + dir.resolve("data/groundup");
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (Database database = Database.open(url)) {
            database.jdbi().useHandle(handle -> handle.execute("INSERT INTO todo (title, sort_order) VALUES ('kept', 1)"));
        }
        assertThat(dir.resolve("data/groundup.mv.db")).isRegularFile();
        assertThat(DatabaseTest.threadsLeftSince(before)).as("no pool or H2 threads once closed").isEmpty();
        assertThat(dir.resolve("data/groundup.trace.db")).as("H2 logged no error").doesNotExist();

        try (Database reopened = Database.open(url)) {
            assertThat(DatabaseTest.strings(reopened, "SELECT title FROM todo")).containsExactly("kept");
        }
    }

    @Test
    void anUnusableH2FileIsAStartupExceptionNamingIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("data"), "a file where the folder should be");
        String url = "jdbc:h2:" + dir.resolve("data/groundup");

        assertThatThrownBy(() -> Database.open(url))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("cannot connect to the database " + url + ": ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aSchemaWithTablesFlywayDoesNotKnowIsAStartupExceptionNotAMigration() throws SQLException {
        String url = "jdbc:h2:mem:foreign-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection other = DriverManager.getConnection(url); Statement statement = other.createStatement()) {
            statement.execute("CREATE TABLE someone_elses (id INT)");

            assertThatThrownBy(() -> Database.open(url))
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("cannot migrate the database " + url + ": ")
                    .hasMessageContaining("non-empty schema")
                    .hasMessageNotContaining("\n");
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void anUnreachablePostgresqlIsOneLineWithThePasswordMasked() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/app?user=app&password=s3cret";

        assertThatThrownBy(() -> Database.open(url))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("cannot connect to the database jdbc:postgresql://127.0.0.1:" + closedPort
                        + "/app?user=app&password=***: ")
                .hasMessageContaining("refused")
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("\n");
    }
}
