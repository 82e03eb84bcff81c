package dev.groundup.db;

import java.nio.file.Path;
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
     * The URL to connect with; for H2, two settings unless the URL gives its own. H2 closes its
     * databases from a JVM shutdown hook, which in a container can run while requests are still
     * finishing: we close it ourselves, after the last request, so the hook is off. And H2 writes
     * the errors it raises to a {@code .trace.db} file beside the database (or, when it cannot,
     * as stack traces on stderr): they go to SLF4J instead, where the log configuration decides.
     */
    String connectUrl() {
        if (!isH2()) {
            return jdbcUrl;
        }
        String upper = jdbcUrl.toUpperCase(Locale.ROOT);
        return jdbcUrl
                + (upper.contains("DB_CLOSE_ON_EXIT=") ? "" : ";DB_CLOSE_ON_EXIT=FALSE")
                + (upper.contains("TRACE_LEVEL_FILE=") ? "" : ";TRACE_LEVEL_FILE=4");
    }

    /**
     * Where an embedded H2 database keeps its files: the path its file names start with
     * ({@code /srv/data/groundup} for groundup.mv.db, groundup.trace.db, …), absolute; null for an
     * in-memory, remote or PostgreSQL database.
     */
    Path localFiles() {
        if (!isH2()) {
            return null;
        }
        String name = jdbcUrl.substring("jdbc:h2:".length());
        int semicolon = name.indexOf(';');
        name = semicolon < 0 ? name : name.substring(0, semicolon);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("(?i)(mem|tcp|ssl|zip|split|nio|async|memFS|memLZF|nioMapped|nioMemFS|nioMemLZF|retry):.*")) {
            return null;
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return name.isEmpty() ? null : Path.of(name).toAbsolutePath().normalize();
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
