package dev.groundup.db;

import java.sql.Driver;
import java.util.Locale;
import java.util.regex.Pattern;

/** A JDBC URL we know how to open, and how to show it without its password. */
record DatabaseUrl(String jdbcUrl) {
    /** {@code password=...} as a query (PostgreSQL) or {@code ;} (H2) parameter, and {@code //user:password@}. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@]*:)[^/@]*@");

    static DatabaseUrl of(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a jdbc:h2: or jdbc:postgresql: URL");
        }
        return new DatabaseUrl(jdbcUrl);
    }

    boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    boolean isH2InMemory() {
        return jdbcUrl.startsWith("jdbc:h2:mem:");
    }

    /**
     * The URL to connect with. H2 closes its databases from a JVM shutdown hook of its own, which
     * in a container can run while requests are still finishing; we close it ourselves, after
     * the last request, so that hook is turned off unless the URL says otherwise.
     */
    String connectUrl() {
        return isH2() && !jdbcUrl.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT=")
                ? jdbcUrl + ";DB_CLOSE_ON_EXIT=FALSE"
                : jdbcUrl;
    }

    /** The driver itself, not DriverManager's pick: no scan of every driver on the class path. */
    Driver driver() {
        return isH2() ? new org.h2.Driver() : new org.postgresql.Driver();
    }

    /** For messages and logs: the URL with any password replaced by {@code ***}. */
    String redacted() {
        String masked = PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1***");
        return USER_INFO_PASSWORD.matcher(masked).replaceAll("$1***@");
    }

    @Override
    public String toString() {
        return redacted();
    }
}
