package dev.groundup.db;

import dev.groundup.errors.ExceptionMapper;
import dev.groundup.errors.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * A database that does not answer is an outage, not a bug: 503 with Retry-After, so the client
 * may retry, as the load balancer's {@code /health} says too.
 */
public final class DatabaseOutage implements ExceptionMapper {

    @Override
    public Problem problemFor(Exception failure) {
        if (!lostTheDatabase(failure)) {
            return null;
        }
        return new Problem(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The database is not answering; try again shortly.")
                .header("Retry-After", "5");
    }

    /**
     * A failure to reach the database rather than one of its answers: no connection within the
     * pool's timeout, a connection refused or broken (JDBC's connection exceptions, SQLSTATE class 08).
     */
    static boolean lostTheDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
