package dev.groundup.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import dev.groundup.StartupException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Collections;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
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
 *
 * <p>Every wait on the database is bounded (see {@link #open(String, Duration)}), and a failure to
 * reach it is an outage ({@link Outages}) that the caller answers with 503.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** How long a request waits on the database by default: a statement's answer, a new connection. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The longest a request waits for a free connection from the pool. */
    private static final Duration POOL_WAIT = Duration.ofSeconds(5);
    /**
     * How long one statement of a migration may run. Migrations are not requests: a first start
     * seeds tables, which on a slow or busy machine took longer than the 10 s a request may wait
     * (and the start failed with "Statement was canceled"), so they run on connections of their own.
     */
    static final Duration MIGRATION_TIMEOUT = Duration.ofMinutes(10);

    private final DatabaseUrl url;
    private final Duration timeout;
    /** The pool once the database is open and migrated: at once from {@link #open}, later from {@link #openInBackground}. */
    private final CompletableFuture<Opened> opening;
    private final Jdbi jdbi;
    private final AtomicBoolean closed;
    /** Runs the health check's question, so its caller can stop waiting at its own bound. */
    private final ExecutorService pinger = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "groundup-db-health");
        thread.setDaemon(true);
        return thread;
    });
    /** The health check in flight, shared by concurrent callers so a frozen database gets one question, not a pile. */
    private CompletableFuture<Boolean> ping;

    /** What opening made. */
    private record Opened(HikariDataSource pool, ScheduledExecutorService housekeeping) {
    }

    private Database(DatabaseUrl url, Duration timeout, CompletableFuture<Opened> opening, AtomicBoolean closed) {
        this.url = url;
        this.timeout = timeout;
        this.opening = opening;
        this.closed = closed;
        this.jdbi = Jdbi.create(this::connection);
    }

    /**
     * A connection from the pool. While the database is still opening, a request waits for it as
     * long as it may wait for the database at all; then it is an outage (503, Retry-After).
     */
    private Connection connection() throws SQLException {
        Opened opened;
        try {
            opened = opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS); // at once, once it is open
        } catch (TimeoutException e) {
            throw new SQLTransientConnectionException("the database is still being opened");
        } catch (ExecutionException e) {
            throw new SQLTransientConnectionException("the database could not be opened", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while the database was being opened", e);
        }
        return opened.pool().getConnection();
    }

    /**
     * Migrations kept apart from the application's (benchmark data, say): their own classpath
     * location and their own history table, applied after the application's own.
     */
    public record Migrations(String location, String historyTable) {
    }

    /** {@link #open(String, List)} with the application's migrations only. */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, List.of());
    }

    /**
     * Connects to {@code jdbcUrl} (jdbc:h2: or jdbc:postgresql:) and migrates it: the
     * application's migrations, then each of {@code more}.
     *
     * @throws StartupException if the database cannot be reached or migrated; its message is one
     *     line for an operator, with any password in the URL masked
     */
    public static Database open(String jdbcUrl, List<Migrations> more) {
        return open(jdbcUrl, more, DEFAULT_TIMEOUT);
    }

    /**
     * As {@link #open(String, List)}; afterwards no statement, and no attempt to connect, waits
     * longer than {@code timeout} (PostgreSQL: {@code statement_timeout}, socket, connect and login
     * timeouts; H2: a query timeout), and no request waits longer than 5 s (or {@code timeout}, if
     * shorter) for a connection from the pool. Each of these ends as an outage.
     */
    public static Database open(String jdbcUrl, List<Migrations> more, Duration timeout) {
        DatabaseUrl url = DatabaseUrl.of(jdbcUrl);
        AtomicBoolean closed = new AtomicBoolean();
        return new Database(url, timeout, CompletableFuture.completedFuture(openPool(url, more, timeout, closed)), closed);
    }

    /**
     * As {@link #open(String, List, Duration)}, but returns at once and opens the database on a thread
     * of its own, so the server can serve files meanwhile. Until it is open, {@link #isOpening()} is
     * true and statements wait for it (bounded by {@code timeout}); {@link #opened()} completes
     * when it is open, or with the {@link StartupException} that {@code open} would have thrown.
     */
    public static Database openInBackground(String jdbcUrl, List<Migrations> more, Duration timeout) {
        DatabaseUrl url = DatabaseUrl.of(jdbcUrl);
        AtomicBoolean closed = new AtomicBoolean();
        CompletableFuture<Opened> opening = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                opening.complete(openPool(url, more, timeout, closed));
            } catch (Throwable e) { // whatever it is, whoever waits on opened() must hear of it
                opening.completeExceptionally(e);
            }
        }, "groundup-db-open");
        thread.setDaemon(true);
        thread.start();
        return new Database(url, timeout, opening, closed);
    }

    /** Completes when the database is open and migrated, or exceptionally with why it could not be. */
    public CompletableFuture<Void> opened() {
        return opening.thenApply(opened -> null);
    }

    /** True while the database is still being opened (see {@link #openInBackground}). */
    public boolean isOpening() {
        return !opening.isDone();
    }

    private static Opened openPool(DatabaseUrl url, List<Migrations> more, Duration timeout, AtomicBoolean closed) {
        Properties properties = connectionProperties(url, timeout);
        // A connection of our own first: an unreachable database fails here, fast and with the
        // driver's own words, instead of as the pool's logged stack trace. Held until the pool is
        // up, so an H2 file database is opened once, not closed and reopened.
        try (Connection probe = Reconnecting.connectOnce(url, properties)) {
            ScheduledExecutorService housekeeping = housekeeping();
            HikariDataSource pool = new HikariDataSource(poolConfig(
                    new Reconnecting(url, properties, seconds(timeout), closed::get), timeout, housekeeping));
            try {
                DataSource migrating = new Reconnecting(url, forMigrations(url, properties), seconds(timeout), closed::get);
                String schemaVersion = migrate(url, pool, migrating);
                more.forEach(migrations -> migrate(url, pool, migrating, migrations));
                LOG.info("database {} at schema version {}", url.redacted(), schemaVersion);
                return new Opened(pool, housekeeping);
            } catch (RuntimeException e) {
                closed.set(true);
                stop(pool, housekeeping);
                throw e;
            }
        } catch (SQLException e) {
            deregisterOurDrivers();
            throw new StartupException("cannot connect to the database " + url.redacted() + ": "
                    + ConnectFailure.describe(url, e), e);
        } catch (RuntimeException e) {
            deregisterOurDrivers(); // a failed deployment is undeployed too
            throw e;
        }
    }

    /** See {@link DatabaseUrl#localFiles()}: what must never be served as a file. */
    public Path localFiles() {
        return url.localFiles();
    }

    /** The pool's connections (active, idle, pending, timeouts, usage) as meters in {@code registry}. */
    public void bindMetrics(MeterRegistry registry) {
        opening.thenAccept(opened -> opened.pool().setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry)));
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Whether the database answers the smallest question within {@code bound}. A health check
     * must answer before the load balancer gives up, whatever the pool is waiting for: the question
     * runs on its own thread and the caller stops waiting at {@code bound}. Callers that come while
     * a question is still out share it.
     */
    public boolean answersWithin(Duration bound) {
        CompletableFuture<Boolean> current;
        synchronized (this) {
            if (ping == null || ping.isDone()) {
                try {
                    ping = CompletableFuture.supplyAsync(this::ping, pinger);
                } catch (RejectedExecutionException e) {
                    return false; // closed
                }
            }
            current = ping;
        }
        try {
            return current.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("health check: the database did not answer within {} ms", bound.toMillis());
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean ping() {
        try {
            jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("health check: the database did not answer: {}", e.toString());
            return false;
        }
    }

    /**
     * Closes every connection and stops the pool's threads; again, does nothing. A database still
     * being opened is closed once it is open (the opening is bounded by the timeouts).
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        Opened opened;
        try {
            opened = opening.join();
        } catch (CompletionException | CancellationException e) {
            opened = null; // it never opened: nothing to close but our own threads
        }
        if (opened != null) {
            close(opened);
        }
        shutDown(pinger, "the health check's thread");
        deregisterOurDrivers();
    }

    private void close(Opened opened) {
        if (url.isH2InMemory()) {
            // An in-memory H2 database can outlive its connections (DB_CLOSE_DELAY=-1): shut it
            // down, so an undeploy frees it. A file database closes with its last connection.
            boolean shutDown = false;
            try (Connection connection = opened.pool().getConnection(); Statement statement = connection.createStatement()) {
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
        stop(opened.pool(), opened.housekeeping());
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
        shutDown(housekeeping, "the pool's housekeeping thread");
    }

    private static void shutDown(ExecutorService executor, String what) {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("{} did not stop within 10 s", what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The settings that bound every wait (the URL may say otherwise). PostgreSQL's driver (seconds):
     * connecting, logging in, each read from the socket (a frozen server), and each statement on
     * the server. H2: each statement of the connection's session ({@code QUERY_TIMEOUT}, ms), set
     * once when the connection opens. Not a JDBC query timeout per statement: H2 runs that as a
     * {@code SET QUERY_TIMEOUT} each time, and every SET empties the parsed-statement cache of
     * every session, so each statement after it was parsed again (a third of a small query's time),
     * and a statement made on the raw connection had no bound at all.
     */
    private static Properties connectionProperties(DatabaseUrl url, Duration timeout) {
        Properties properties = new Properties();
        if (url.isH2()) {
            if (!url.jdbcUrl().toUpperCase(Locale.ROOT).contains("QUERY_TIMEOUT=")) {
                properties.setProperty("QUERY_TIMEOUT", String.valueOf(seconds(timeout) * 1000L));
            }
        } else {
            String seconds = String.valueOf(seconds(timeout));
            properties.setProperty("connectTimeout", seconds);
            properties.setProperty("loginTimeout", seconds);
            properties.setProperty("socketTimeout", seconds);
            properties.setProperty("options", "-c statement_timeout=" + timeout.toMillis());
            properties.setProperty("tcpKeepAlive", "true");
        }
        return properties;
    }

    private static int seconds(Duration timeout) {
        return (int) Math.max(1, timeout.toSeconds());
    }

    private static HikariConfig poolConfig(Reconnecting connections, Duration timeout, ScheduledExecutorService housekeeping) {
        HikariConfig config = new HikariConfig();
        config.setScheduledExecutor(housekeeping);
        config.setPoolName("groundup-db");
        config.setDataSource(connections);
        config.setMaximumPoolSize(10);
        // A request that waits longer than this for a connection fails rather than queue for
        // Hikari's default 30 s: a database that slow is down to the client and the load balancer.
        long wait = Math.min(POOL_WAIT.toMillis(), timeout.toMillis());
        config.setConnectionTimeout(wait);
        // A pooled connection idle for a while is tested before use; a dead one (the server
        // restarted, or froze) is thrown away after this long instead of Hikari's default 5 s.
        config.setValidationTimeout(Math.min(1_000, wait - 250));
        // The probe has already shown the database answers; don't let the pool try (and log) again.
        config.setInitializationFailTimeout(-1);
        return config;
    }

    /** {@code properties} with each statement bounded by {@link #MIGRATION_TIMEOUT} instead of a request's bound. */
    private static Properties forMigrations(DatabaseUrl url, Properties properties) {
        Properties migrating = new Properties();
        migrating.putAll(properties);
        long millis = MIGRATION_TIMEOUT.toMillis();
        if (url.isH2()) {
            if (migrating.containsKey("QUERY_TIMEOUT")) {
                migrating.setProperty("QUERY_TIMEOUT", String.valueOf(millis));
            }
        } else {
            if (migrating.containsKey("socketTimeout")) {
                migrating.setProperty("socketTimeout", String.valueOf(millis / 1000));
            }
            String options = migrating.getProperty("options");
            if (options != null) {
                migrating.setProperty("options", options.replaceAll("statement_timeout=\\d+", "statement_timeout=" + millis));
            }
        }
        return migrating;
    }

    /**
     * Applies pending migrations; returns the schema version now in force. The history is read
     * through {@code pool}; Flyway works through {@code migrating}.
     */
    private static String migrate(DatabaseUrl url, HikariDataSource pool, DataSource migrating) {
        String current = SchemaCheck.currentVersion(pool, "classpath:db/migration", "flyway_schema_history");
        if (current != null) {
            return current; // nothing to apply: Flyway need not be loaded at all
        }
        try {
            MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(migrating)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        } catch (FlywayException e) {
            throw new StartupException("cannot migrate the database " + url.redacted() + ": " + oneLine(e), e);
        }
    }

    /**
     * Applies {@code migrations} with their own history table. The schema already holds the
     * application's tables, so Flyway is told to start that table at version 0 rather than refuse.
     */
    private static void migrate(DatabaseUrl url, HikariDataSource pool, DataSource migrating, Migrations migrations) {
        if (SchemaCheck.currentVersion(pool, migrations.location(), migrations.historyTable()) != null) {
            return;
        }
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(migrating)
                    .locations(migrations.location())
                    .table(migrations.historyTable())
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StartupException("cannot migrate the database " + url.redacted() + " (" + migrations.location()
                    + "): " + oneLine(e), e);
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
