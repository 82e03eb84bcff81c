package dev.groundup.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Where the pool gets its new connections. While the database is not answering, this keeps trying
 * every {@link #RETRY_MILLIS} ms instead of failing: HikariCP sleeps between failed attempts with
 * a back-off that grows to 5 s, so after an outage requests kept failing for seconds after the
 * database was back. Here the next attempt is never more than a moment away. A failure that is
 * not an outage (a wrong password, no such database) is thrown at once, and closing the pool ends
 * the retrying.
 */
final class Reconnecting implements DataSource {
    static final long RETRY_MILLIS = 200;

    private final DatabaseUrl url;
    private final Properties properties;
    private final BooleanSupplier closed;
    private final int loginTimeoutSeconds;

    Reconnecting(DatabaseUrl url, Properties properties, int loginTimeoutSeconds, BooleanSupplier closed) {
        this.url = url;
        this.properties = properties;
        this.loginTimeoutSeconds = loginTimeoutSeconds;
        this.closed = closed;
    }

    @Override
    public Connection getConnection() throws SQLException {
        while (true) {
            try {
                return connectOnce(url, properties);
            } catch (SQLException e) {
                if (closed.getAsBoolean() || !Outages.isOutage(e)) {
                    throw e;
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the database", "08001", e);
            }
        }
    }

    static Connection connectOnce(DatabaseUrl url, Properties properties) throws SQLException {
        Connection connection = url.driver().connect(url.connectUrl(), properties);
        if (connection == null) {
            throw new SQLException("the driver does not accept this URL");
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the user and password come from the URL");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // logging goes through SLF4J
    }

    /** Ignored: the driver's own timeouts (in the connection properties) bound each attempt. */
    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
