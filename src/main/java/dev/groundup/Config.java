package dev.groundup;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything Groundup can be told, resolved once at startup.
 *
 * <p>The launcher reads flags, then environment variables, then defaults. A WAR reads context
 * init-params, then system properties, then environment variables, then defaults. Both end in
 * the same record, validated by the same code.
 *
 * @param staticRoot the folder the launcher serves instead of the built-in site, or null for the
 *     built-in one; a WAR always serves itself
 * @param accessLog the launcher's access log: {@code off}, {@code stdout} (the SLF4J logger
 *     {@code groundup.access}) or a file; a WAR's is the container's
 * @param metricsToken the bearer token /metrics asks for, or null: then it answers loopback clients only
 */
public record Config(String host, int port, long maxBodyBytes, Duration bodyTimeout, List<String> corsOrigins,
                     String dbUrl, boolean trustProxy, Path staticRoot, String accessLog, boolean metrics,
                     String metricsToken) {

    public static final String ACCESS_LOG_OFF = "off";
    public static final String ACCESS_LOG_STDOUT = "stdout";

    /** Where the launcher's Config is left for {@link Wiring}, so a WAR and the launcher share one path. */
    public static final String ATTRIBUTE = Config.class.getName();

    /** scheme://host[:port], nothing after: what a browser sends in Origin. */
    private static final Pattern ORIGIN = Pattern.compile("[a-z][a-z0-9+.-]*://[^/?#\\s]+");

    /** One row per setting: its flag, its environment variables, its default, and what it means. */
    enum Setting {
        HOST("--host", "localhost", "interface to listen on", "GROUNDUP_HOST"),
        PORT("--port", "8000", "port to listen on; 0 picks a free one", "GROUNDUP_PORT", "PORT"),
        MAX_BODY_BYTES("--max-body-bytes", "1048576", "largest request body read; more gets 413",
                "GROUNDUP_MAX_BODY_BYTES"),
        BODY_TIMEOUT("--body-timeout", "30", "seconds a request body may take to arrive; slower gets 408",
                "GROUNDUP_BODY_TIMEOUT"),
        CORS_ORIGINS("--cors-origins", "*", "origins whose pages may call /api/: * or a comma-separated list",
                "GROUNDUP_CORS_ORIGINS"),
        DB_URL("--db-url", "jdbc:h2:./data/groundup", "JDBC URL of the database, jdbc:h2: or jdbc:postgresql:",
                "GROUNDUP_DB_URL"),
        TRUST_PROXY("--trust-proxy", "false",
                "true to build links from X-Forwarded-Proto/-Host (only behind a proxy that sets them)",
                "GROUNDUP_TRUST_PROXY"),
        STATIC_ROOT("--static-root", null, "folder to serve instead of the built-in site", "GROUNDUP_STATIC_ROOT"),
        ACCESS_LOG("--access-log", ACCESS_LOG_STDOUT,
                "launcher's access log: off, stdout (logger groundup.access) or a file to append to",
                "GROUNDUP_ACCESS_LOG"),
        METRICS("--metrics", "false", "true (or the bare flag) to serve Prometheus metrics at /metrics",
                "GROUNDUP_METRICS"),
        METRICS_TOKEN("--metrics-token", null,
                "bearer token /metrics asks for; without one it answers loopback clients only",
                "GROUNDUP_METRICS_TOKEN");

        final String flag;
        final String defaultValue;
        final String help;
        final List<String> envNames;

        Setting(String flag, String defaultValue, String help, String... envNames) {
            this.flag = flag;
            this.defaultValue = defaultValue;
            this.help = help;
            this.envNames = List.of(envNames);
        }

        /** The name used for context init-params and system properties, e.g. {@code groundup.port}. */
        String key() {
            return "groundup." + flag.substring(2);
        }
    }

    /** A setting the user got wrong; the message is one line meant for them. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** Thrown for {@code --help}: not an error, the caller prints {@link #usage()}. */
    public static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }

    public Config {
        if (host == null || host.isBlank()) {
            throw new Invalid("--host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new Invalid("--port must be between 0 and 65535, got " + port);
        }
        if (maxBodyBytes < 1) {
            throw new Invalid("--max-body-bytes must be at least 1, got " + maxBodyBytes);
        }
        if (bodyTimeout.compareTo(Duration.ofSeconds(1)) < 0 || bodyTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new Invalid("--body-timeout must be between 1 and 3600 seconds, got " + bodyTimeout.toSeconds());
        }
        corsOrigins = List.copyOf(corsOrigins);
        if (corsOrigins.isEmpty()) {
            throw new Invalid("--cors-origins must be * or a comma-separated list of origins");
        }
        for (String origin : corsOrigins) {
            if (!origin.equals("*") && !ORIGIN.matcher(origin).matches()) {
                throw new Invalid("--cors-origins: '" + origin + "' is not an origin like https://example.com or http://localhost:3000");
            }
        }
        if (dbUrl == null || !(dbUrl.startsWith("jdbc:h2:") || dbUrl.startsWith("jdbc:postgresql:"))) {
            // Not echoed: a database URL may carry a password.
            throw new Invalid("--db-url must start with jdbc:h2: or jdbc:postgresql:"
                    + (dbUrl != null && dbUrl.startsWith("postgres") ? " (write postgres://h/db as jdbc:postgresql://h/db)" : ""));
        }
    }

    /** Launcher: {@code --flag value} or {@code --flag=value}, then environment, then defaults. */
    public static Config fromArgs(List<String> args, Map<String, String> env) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            Setting setting = byFlag(name);
            if (value == null && setting == Setting.METRICS
                    && (i + 1 >= args.size() || args.get(i + 1).startsWith("--"))) {
                value = "true"; // a switch: --metrics alone turns it on
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new Invalid(name + " needs a value");
                }
                value = args.get(++i);
            }
            flags.put(setting, value);
        }
        return resolve(setting -> {
            String value = flags.get(setting);
            return value != null ? value : fromEnv(setting, env);
        });
    }

    /** WAR: context init-param, then system property, then environment, then defaults. */
    public static Config fromContext(ServletContext context) {
        return resolve(setting -> {
            if (setting == Setting.STATIC_ROOT || setting == Setting.ACCESS_LOG) {
                // A WAR serves its own content, whatever the machine's environment says, and its
                // access log is the container's.
                return null;
            }
            String value = context.getInitParameter(setting.key());
            if (value == null) {
                value = System.getProperty(setting.key());
            }
            return value != null ? value : fromEnv(setting, System.getenv());
        });
    }

    public static String usage() {
        StringBuilder out = new StringBuilder("Usage: java -jar groundup.jar [options]\n\nOptions:\n");
        for (Setting s : Setting.values()) {
            String flag = s.flag + " " + switch (s) {
                case STATIC_ROOT -> "DIR";
                case ACCESS_LOG -> "off|stdout|FILE";
                case METRICS -> "[true|false]";
                default -> s.name().replace('_', '-');
            };
            out.append(String.format(Locale.ROOT, "  %-26s %s (env %s; default %s)%n",
                    flag, s.help, String.join(" or ", s.envNames),
                    s.defaultValue != null ? s.defaultValue : s == Setting.STATIC_ROOT ? "the built-in site" : "none"));
        }
        out.append(String.format(Locale.ROOT, "  %-26s %s%n", "-h, --help", "print this help and exit"));
        return out.toString();
    }

    private static Config resolve(Function<Setting, String> lookup) {
        Map<Setting, String> v = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String value = lookup.apply(s);
            v.put(s, value != null ? value.trim() : s.defaultValue);
        }
        return new Config(v.get(Setting.HOST), parsePort(v.get(Setting.PORT)),
                parseLong(Setting.MAX_BODY_BYTES, v.get(Setting.MAX_BODY_BYTES)),
                Duration.ofSeconds(parseLong(Setting.BODY_TIMEOUT, v.get(Setting.BODY_TIMEOUT))),
                parseList(v.get(Setting.CORS_ORIGINS)), v.get(Setting.DB_URL),
                parseBoolean(Setting.TRUST_PROXY, v.get(Setting.TRUST_PROXY)),
                parseStaticRoot(v.get(Setting.STATIC_ROOT)), parseAccessLog(v.get(Setting.ACCESS_LOG)),
                parseBoolean(Setting.METRICS, v.get(Setting.METRICS)), parseToken(v.get(Setting.METRICS_TOKEN)));
    }

    /** off, stdout, or a file whose folder exists (the file itself is created on first use). */
    private static String parseAccessLog(String value) {
        if (value == null || value.equals(ACCESS_LOG_OFF) || value.equals(ACCESS_LOG_STDOUT)) {
            return value;
        }
        if (value.isEmpty()) {
            throw new Invalid("--access-log must be off, stdout or a file");
        }
        try {
            Path file = Path.of(value).toAbsolutePath();
            if (Files.isDirectory(file)) {
                throw new Invalid("--access-log " + value + " is a directory; give a file in it");
            }
            if (!Files.isDirectory(file.getParent())) {
                throw new Invalid("--access-log " + value + ": the folder " + file.getParent() + " does not exist");
            }
            return file.toString();
        } catch (InvalidPathException e) {
            throw new Invalid("--access-log " + value + " is not a file name");
        }
    }

    /** A token a client can send in one header line: visible ASCII, at least 16 characters. */
    private static String parseToken(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() < 16 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // Not echoed: it is a secret.
            throw new Invalid("--metrics-token must be at least 16 visible ASCII characters, without spaces");
        }
        return value;
    }

    private static String fromEnv(Setting setting, Map<String, String> env) {
        for (String name : setting.envNames) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static Setting byFlag(String flag) {
        for (Setting s : Setting.values()) {
            if (s.flag.equals(flag)) {
                return s;
            }
        }
        List<String> known = new ArrayList<>();
        for (Setting s : Setting.values()) {
            known.add(s.flag);
        }
        throw new Invalid("unknown option " + flag + " (known: " + String.join(", ", known) + ", --help)");
    }

    private static long parseLong(Setting setting, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new Invalid(setting.flag + " must be a number, got '" + value + "'");
        }
    }

    private static boolean parseBoolean(Setting setting, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Invalid(setting.flag + " must be true or false, got '" + value + "'");
        };
    }

    private static List<String> parseList(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Invalid("--port must be a number between 0 and 65535, got '" + value + "'");
        }
    }

    /** The folder as its real path (symlinks resolved), so "inside the root" has one meaning. */
    private static Path parseStaticRoot(String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            throw new Invalid("--static-root must not be empty");
        }
        try {
            Path dir = Path.of(value).toRealPath();
            if (!Files.isDirectory(dir)) {
                throw new Invalid("--static-root " + value + " is not a directory");
            }
            if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
                throw new Invalid("--static-root " + value + " is not readable");
            }
            return dir;
        } catch (NoSuchFileException | InvalidPathException e) {
            throw new Invalid("--static-root " + value + " does not exist");
        } catch (IOException e) {
            throw new Invalid("--static-root " + value + " is not readable: " + e.getMessage());
        }
    }
}
