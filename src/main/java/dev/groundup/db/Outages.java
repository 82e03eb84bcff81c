package dev.groundup.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The one answer to "did this request fail because the database is not answering?" An outage is
 * not a bug: the client may retry (503 with Retry-After), and /health says the same to the load
 * balancer. A database's answers (a constraint violated, bad SQL) are not outages.
 */
public final class Outages {
    /** What the client is told to wait before retrying, in seconds. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private Outages() {
    }

    /**
     * True when {@code failure}, one of its causes or a suppressed exception says the database
     * could not be reached or stopped answering: no connection within the pool's wait; a connection
     * refused, broken or closed under us (JDBC's connection exceptions, SQLSTATE class 08); the
     * server shutting down or restarting (57P01 terminated by an administrator, 57P02 crash
     * shutdown, 57P03 cannot connect now); or a statement that ran past our bound (57014, a query
     * timeout).
     */
    public static boolean isOutage(Throwable failure) {
        return isOutage(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean isOutage(Throwable failure, Set<Throwable> seen) {
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (isOutageItself(t)) {
                return true;
            }
            // Jdbi reports a failed rollback or close with the first failure suppressed, or the other way round.
            for (Throwable suppressed : t.getSuppressed()) {
                if (isOutage(suppressed, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isOutageItself(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof SQLTimeoutException) {
            return true;
        }
        if (!(t instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        if (state == null) {
            // HikariCP's words, without a SQLSTATE, for a connection it has already closed because
            // the database broke it (seen on the commit after a 57P01).
            return "Connection is closed".equals(sql.getMessage());
        }
        return state.startsWith("08")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("57014");
    }
}
