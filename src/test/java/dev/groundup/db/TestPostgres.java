package dev.groundup.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), as the tests use it: each
 * test JVM creates its own uniquely named database on first use and drops it when it exits.
 *
 * <p>Without a server the PostgreSQL tests are skipped with a message, unless {@code CI=true}:
 * there a missing server is a failure, so CI cannot pass by testing only H2.
 */
public final class TestPostgres {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String USER = "?user=postgres";

    private static String databaseUrl;
    private static boolean toldSkipping;

    private TestPostgres() {
    }

    /** The JDBC URL of this run's own database, created on the first call. */
    public static synchronized String url() {
        if (databaseUrl == null) {
            databaseUrl = freshUrl();
        }
        return databaseUrl;
    }

    /** A new, empty database of this run's own (for a test of a first migration), dropped when the JVM exits. */
    public static String freshUrl() {
        String name = "groundup_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return SERVER + name + USER;
    }

    private static void drop(String name) {
        try {
            // FORCE (PostgreSQL 13+): pools still open at JVM exit must not keep it alive.
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (RuntimeException | AssertionError e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static void execute(String sql) {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres" + USER);
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            String problem = "PostgreSQL at " + SERVER + " (user postgres) is not usable: " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(problem + " -- CI=true requires it", e);
            }
            String skipping = problem + " -- skipping the PostgreSQL tests (with CI=true they fail instead)";
            if (!toldSkipping) { // once on the console; each skipped test's report has it too
                System.err.println(skipping);
                toldSkipping = true;
            }
            Assumptions.abort(skipping);
        }
    }
}
