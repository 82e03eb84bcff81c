package dev.groundup.db;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a first connection failed, in the words an operator acts on: {@code Cannot reach
 * db.internal:5432: unknown host} (or connection refused, timed out, no route), {@code
 * authentication failed for user app}; any other failure in the driver's own words, on one line.
 */
final class ConnectFailure {
    /** jdbc:postgresql://host[:port]/… and jdbc:h2:tcp://host[:port]/…; an IPv6 host is bracketed. */
    private static final Pattern SERVER = Pattern.compile("^jdbc:[a-z0-9]+:(?:(?:tcp|ssl):)?//(\\[[^]]*]|[^:/?;]*)(?::(\\d+))?");
    private static final Pattern USER = Pattern.compile("[?&;]user=([^&;]*)", Pattern.CASE_INSENSITIVE);

    private ConnectFailure() {
    }

    static String describe(DatabaseUrl url, SQLException e) {
        String server = server(url.jdbcUrl());
        if (server != null) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String why = t instanceof UnknownHostException ? "unknown host"
                        : t instanceof ConnectException ? "connection refused"
                        : t instanceof NoRouteToHostException ? "no route to host"
                        : t instanceof SocketTimeoutException ? "timed out"
                        : null;
                if (why != null) {
                    return "Cannot reach " + server + ": " + why;
                }
            }
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if ("08001".equals(e.getSQLState()) && message.contains("timed out")) {
                return "Cannot reach " + server + ": timed out";
            }
        }
        String state = e.getSQLState();
        if (state != null && (state.equals("28P01") || state.equals("28000"))) {
            Matcher user = USER.matcher(url.jdbcUrl());
            return "authentication failed" + (user.find() ? " for user " + user.group(1) : "") + " (" + Database.oneLine(e) + ")";
        }
        return Database.oneLine(e);
    }

    /** {@code host:port} of a database reached over the network, or null for an embedded one. */
    static String server(String jdbcUrl) {
        Matcher m = SERVER.matcher(jdbcUrl);
        if (!m.find() || m.group(1).isEmpty()) {
            return null;
        }
        String port = m.group(2) != null ? m.group(2) : jdbcUrl.startsWith("jdbc:postgresql:") ? "5432" : "9092";
        return m.group(1) + ":" + port;
    }
}
