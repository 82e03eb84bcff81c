package dev.groundup.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import dev.groundup.StartupException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.api.ErrorCode;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's database: a HikariCP pool, brought up to date by the Flyway migrations in
 * {@code db/migration} when it opens, used through Jdbi. One per servlet context: opened by the
 * wiring at startup, closed when the context is destroyed.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DatabaseUrl url;
    private final String schemaVersion;
    private final HikariDataSource pool;
    private final ScheduledExecutorService housekeeping;
    private final Jdbi jdbi;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(DatabaseUrl url, String schemaVersion, HikariDataSource pool, ScheduledExecutorService housekeeping) {
        this.url = url;
        this.schemaVersion = schemaVersion;
        this.pool = pool;
        this.housekeeping = housekeeping;
        this.jdbi = Jdbi.create(pool);
    }

    /**
     * Connects to {@code jdbcUrl} (jdbc:h2: or jdbc:postgresql:) and migrates it.
     *
     * @throws StartupException if the database cannot be reached or migrated; its message is one
     *     line for an operator, with any password in the URL masked
     */
    public static Database open(String jdbcUrl) {
        DatabaseUrl url = DatabaseUrl.of(jdbcUrl);
        // A connection of our own first: an unreachable database fails here, fast and with the
        // driver's own words, instead of as the pool's logged stack trace. Held until the pool is
        // up, so an H2 file database is opened once, not closed and reopened.
        try (Connection probe = connect(url)) {
            ScheduledExecutorService housekeeping = housekeeping();
            HikariDataSource pool = new HikariDataSource(poolConfig(url, housekeeping));
            try {
                Database database = new Database(url, migrate(url, pool), pool, housekeeping);
                database.logReady();
                return database;
            } catch (RuntimeException e) {
                stop(pool, housekeeping);
                throw e;
            }
        } catch (SQLException e) {
            deregisterOurDrivers();
            throw new StartupException("cannot connect to the database " + url.redacted() + ": " + oneLine(e), e);
        } catch (RuntimeException e) {
            deregisterOurDrivers(); // a failed deployment is undeployed too
            throw e;
        }
    }

    /** The pool's connections (active, idle, pending, timeouts, usage) as meters in {@code registry}. */
    public void bindMetrics(MeterRegistry registry) {
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Closes every connection and stops the pool's threads; again, does nothing. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (url.isH2InMemory()) {
            // An in-memory H2 database can outlive its connections (DB_CLOSE_DELAY=-1): shut it
            // down, so an undeploy frees it. A file database closes with its last connection.
            boolean shutDown = false;
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
                shutDown = true;
            } catch (SQLException e) {
                // After SHUTDOWN, handing back its connection fails, as it should; so does a
                // SHUTDOWN of a database another pool in this JVM has already shut down.
                if (!shutDown && e.getErrorCode() != ErrorCode.DATABASE_CALLED_AT_SHUTDOWN) {
                    LOG.warn("H2 did not shut down cleanly: {}", oneLine(e));
                }
            }
        }
        stop(pool, housekeeping);
        deregisterOurDrivers();
    }

    /**
     * The pool's housekeeping thread is ours, not Hikari's: Hikari stops its own without waiting
     * for it to end, so a container checking for leftover threads right after an undeploy
     * could still find it running.
     */
    private static ScheduledExecutorService housekeeping() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "groundup-db-housekeeper");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    private static void stop(HikariDataSource pool, ScheduledExecutorService housekeeping) {
        pool.close(); // waits for its connection threads
        housekeeping.shutdownNow();
        try {
            if (!housekeeping.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the pool's housekeeping thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void logReady() {
        LOG.info("database {} at schema version {}", url.redacted(), schemaVersion);
    }

    private static Connection connect(DatabaseUrl url) throws SQLException {
        Properties defaults = new Properties();
        defaults.setProperty("loginTimeout", "10"); // PostgreSQL, seconds; the URL may say otherwise
        Connection connection = url.driver().connect(url.connectUrl(), defaults);
        if (connection == null) {
            throw new SQLException("the driver does not accept this URL");
        }
        return connection;
    }

    private static HikariConfig poolConfig(DatabaseUrl url, ScheduledExecutorService housekeeping) {
        HikariConfig config = new HikariConfig();
        config.setScheduledExecutor(housekeeping);
        config.setPoolName("groundup-db");
        config.setJdbcUrl(url.connectUrl());
        config.setDriverClassName(url.driver().getClass().getName());
        config.setMaximumPoolSize(10);
        // A request that waits longer than this for a connection fails rather than queue for
        // Hikari's default 30 s: a database that slow is down to the client and the load balancer.
        config.setConnectionTimeout(5_000);
        // The probe has already shown the database answers; don't let the pool try (and log) again.
        config.setInitializationFailTimeout(-1);
        return config;
    }

    /** Applies pending migrations; returns the schema version now in force. */
    private static String migrate(DatabaseUrl url, HikariDataSource pool) {
        try {
            MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        } catch (FlywayException e) {
            throw new StartupException("cannot migrate the database " + url.redacted() + ": " + oneLine(e), e);
        }
    }

    /**
     * In a WAR the drivers in WEB-INF/lib registered themselves with the JVM-wide DriverManager,
     * which would pin the web application's class loader after an undeploy. The launcher's (and
     * the tests') drivers live on the system class loader for the JVM's life, so they stay.
     */
    private static void deregisterOurDrivers() {
        ClassLoader ours = Database.class.getClassLoader();
        if (ours == ClassLoader.getSystemClassLoader()) {
            return;
        }
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == ours) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    LOG.warn("could not deregister {}: {}", driver.getClass().getName(), oneLine(e));
                }
            }
        }
    }

    /** A driver's message on one line: H2 and PostgreSQL both write several. */
    static String oneLine(Exception e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
