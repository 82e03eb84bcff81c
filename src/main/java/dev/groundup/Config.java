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
 * @param headTimeout how long a request line and its headers may take to arrive (the launcher's)
 * @param staticRoot the folder the launcher serves instead of the built-in site, or null for the
 *     built-in one; a WAR always serves itself
 * @param dev templates are compiled from {@code src/main/jte/} and reloaded on change
 * @param secret the key that signs form tokens (CSRF), or null: then one is made at start
 * @param techEmpower whether the TechEmpower test types and their tables are installed
 *     ({@code --no-techempower} leaves them out)
 * @param dbTimeout the longest a request waits on the database (a statement, a connection) before it gets 503
 * @param accessLog the launcher's access log: {@code off}, {@code stdout} (the SLF4J logger
 *     {@code groundup.access}) or a file; a WAR's is the container's
 * @param metricsToken the bearer token /metrics asks for, or null: then it answers loopback clients only
 * @param tls the launcher's HTTPS listener, or null for none; a WAR's is the container's
 * @param h2c the launcher's plain port also speaks cleartext HTTP/2 (prior knowledge and Upgrade)
 * @param virtualThreads the launcher runs requests on virtual threads, on Java 21 and later
 */
public record Config(String host, int port, long maxBodyBytes, Duration bodyTimeout, Duration headTimeout,
                     List<String> corsOrigins, String dbUrl, boolean trustProxy, Path staticRoot, boolean dev,
                     String secret, boolean techEmpower, Duration dbTimeout, boolean serveDotfiles,
                     boolean listDirs, String accessLog, boolean metrics, String metricsToken, Tls tls, boolean h2c,
                     boolean virtualThreads) {

    /** The HTTPS port when TLS is configured and --https-port is not given. */
    public static final int DEFAULT_HTTPS_PORT = 8443;

    /**
     * The launcher's HTTPS listener. The certificate is a PEM pair ({@code cert} and {@code key}) or
     * a PKCS#12 {@code keystore}, never both; the files are checked to exist here and read by the
     * launcher, which says what is wrong with their content.
     *
     * @param port the HTTPS port (0 picks a free one)
     * @param redirect the plain port answers every request with 308 to the same URL over HTTPS
     * @param hsts HTTPS responses carry Strict-Transport-Security
     */
    public record Tls(Path cert, Path key, Path keystore, String keystorePassword, int port, boolean redirect,
                      boolean hsts) {
        public Tls {
            if ((cert == null) == (keystore == null) || (cert == null) != (key == null)) {
                throw new Invalid("--tls-cert and --tls-key together, or --keystore alone");
            }
            if (port < 0 || port > 65535) {
                throw new Invalid("--https-port must be between 0 and 65535, got " + port);
            }
        }

        /** The keystore's password, when one is set; not echoed. */
        @Override
        public String toString() {
            return "Tls[cert=" + cert + ", key=" + key + ", keystore=" + keystore + ", keystorePassword="
                    + (keystorePassword == null ? "(none)" : "(hidden)") + ", port=" + port + ", redirect=" + redirect
                    + ", hsts=" + hsts + "]";
        }
    }

    public static final String ACCESS_LOG_OFF = "off";
    public static final String ACCESS_LOG_STDOUT = "stdout";

    /** Where the launcher's Config is left for {@link Wiring}, so a WAR and the launcher share one path. */
    public static final String ATTRIBUTE = Config.class.getName();

    /** scheme://host[:port], nothing after: what a browser sends in Origin. */
    private static final Pattern ORIGIN = Pattern.compile("[a-z][a-z0-9+.-]*://[^/?#\\s]+");

    /** One row per setting: its flag, its environment variables, its default, and what it means. */
    enum Setting {
        HOST("--host", "HOST", "localhost", "interface to listen on; 0.0.0.0 for all", "GROUNDUP_HOST"),
        PORT("--port", "PORT", "8000", "port to listen on, also as the one argument (groundup.jar 8001); 0 picks a free one",
                "GROUNDUP_PORT", "PORT"),
        STATIC_ROOT("--static-root", "DIR", null, "folder to serve instead of the built-in site", "GROUNDUP_STATIC_ROOT"),
        LIST_DIRS("--list-dirs", "[true|false]", "false", "list a folder that has no index.html; alone means true",
                "GROUNDUP_LIST_DIRS"),
        SERVE_DOTFILES("--serve-dotfiles", "[true|false]", "false",
                "serve names starting with a dot (.well-known/ always is); alone means true", "GROUNDUP_SERVE_DOTFILES"),
        DB_URL("--db-url", "JDBC_URL", DefaultDatabase.BESIDE, "JDBC URL of the database, jdbc:h2: or jdbc:postgresql:",
                "GROUNDUP_DB_URL"),
        MAX_BODY_BYTES("--max-body-bytes", "N", "1048576", "largest request body read; a larger one gets 413",
                "GROUNDUP_MAX_BODY_BYTES"),
        BODY_TIMEOUT("--body-timeout", "SECONDS", "30", "seconds a request body may take to arrive; a slower one gets 408",
                "GROUNDUP_BODY_TIMEOUT"),
        HEAD_TIMEOUT("--head-timeout", "SECONDS", "10",
                "seconds a request line and headers may take to arrive (launcher); a slower one is disconnected",
                "GROUNDUP_HEAD_TIMEOUT"),
        CORS_ORIGINS("--cors-origins", "LIST", "*", "origins whose pages may call /api/: * or a comma-separated list",
                "GROUNDUP_CORS_ORIGINS"),
        TRUST_PROXY("--trust-proxy", "[true|false]", "false",
                "build links from Forwarded and X-Forwarded-* (only behind a proxy that sets them); alone means true",
                "GROUNDUP_TRUST_PROXY"),
        SECRET("--secret", "SECRET", null, "key (16+ characters) that signs form tokens; the same on every instance",
                "GROUNDUP_SECRET"),
        DB_TIMEOUT("--db-timeout", "SECONDS", "10", "seconds a request may wait on the database; a longer wait gets 503",
                "GROUNDUP_DB_TIMEOUT"),
        NO_TECHEMPOWER("--no-techempower", "[true|false]", "false",
                "leave out the TechEmpower test types and their tables; alone means true", "GROUNDUP_NO_TECHEMPOWER"),
        DEV("--dev", "[true|false]", "false",
                "development: templates compiled from src/main/jte/ and reloaded on change; alone means true",
                "GROUNDUP_DEV"),
        ACCESS_LOG("--access-log", "off|stdout|FILE", ACCESS_LOG_STDOUT,
                "launcher's access log: off, stdout (logger groundup.access) or a file to append to",
                "GROUNDUP_ACCESS_LOG"),
        METRICS("--metrics", "[true|false]", "false", "serve Prometheus metrics at /metrics; alone means true",
                "GROUNDUP_METRICS"),
        METRICS_TOKEN("--metrics-token", "TOKEN", null,
                "bearer token /metrics asks for; without one it answers loopback clients only",
                "GROUNDUP_METRICS_TOKEN"),
        TLS_CERT("--tls-cert", "FILE", null,
                "PEM certificate chain (server first) to serve HTTPS with; with --tls-key", "GROUNDUP_TLS_CERT"),
        TLS_KEY("--tls-key", "FILE", null, "PEM private key of --tls-cert: PKCS#8, PKCS#1 (RSA) or SEC1 (EC), unencrypted",
                "GROUNDUP_TLS_KEY"),
        KEYSTORE("--keystore", "FILE", null, "PKCS#12 keystore to serve HTTPS with, instead of --tls-cert/--tls-key",
                "GROUNDUP_KEYSTORE"),
        KEYSTORE_PASSWORD("--keystore-password", "PASSWORD", null, "password of --keystore (and of its key)",
                "GROUNDUP_KEYSTORE_PASSWORD"),
        HTTPS_PORT("--https-port", "PORT", null, "port for HTTPS (and HTTP/2) when a certificate is given; 0 picks a free one",
                "GROUNDUP_HTTPS_PORT"),
        H2C("--h2c", "[true|false]", "false", "the plain port also speaks cleartext HTTP/2 (h2c); alone means true",
                "GROUNDUP_H2C"),
        REDIRECT_HTTPS("--redirect-https", "[true|false]", "false",
                "the plain port answers 308 to the same URL over HTTPS; alone means true", "GROUNDUP_REDIRECT_HTTPS"),
        HSTS("--hsts", "[true|false]", "false",
                "HTTPS responses carry Strict-Transport-Security (one year); alone means true", "GROUNDUP_HSTS"),
        VIRTUAL_THREADS("--virtual-threads", "[true|false]", "false",
                "launcher: run requests on virtual threads (Java 21+; ignored on 17); alone means true",
                "GROUNDUP_VIRTUAL_THREADS");

        final String flag;
        /** What the value looks like in --help and docs/configuration.md; {@code [true|false]} may be left out. */
        final String placeholder;
        final String defaultValue;
        final String help;
        final List<String> envNames;

        Setting(String flag, String placeholder, String defaultValue, String help, String... envNames) {
            this.flag = flag;
            this.placeholder = placeholder;
            this.defaultValue = defaultValue;
            this.help = help;
            this.envNames = List.of(envNames);
        }

        /** The name used for context init-params and system properties, e.g. {@code groundup.port}. */
        String key() {
            return "groundup." + flag.substring(2);
        }

        /**
         * Read by the launcher only: a WAR serves its own files, its access log and listeners
         * (TLS, HTTP/2) are the container's.
         */
        public boolean launcherOnly() {
            return switch (this) {
                case STATIC_ROOT, ACCESS_LOG, TLS_CERT, TLS_KEY, KEYSTORE, KEYSTORE_PASSWORD, HTTPS_PORT, H2C,
                        REDIRECT_HTTPS, HSTS, VIRTUAL_THREADS -> true;
                default -> false;
            };
        }

        boolean isSwitch() {
            return placeholder.equals("[true|false]");
        }

        /** The default as --help and the docs show it. */
        String shownDefault() {
            return defaultValue != null ? defaultValue : switch (this) {
                case SECRET -> "a random one per start";
                case STATIC_ROOT -> "the built-in site";
                case HTTPS_PORT -> DEFAULT_HTTPS_PORT + " with a certificate";
                default -> "none";
            };
        }
    }

    /** A setting's value and the name it was given under (a flag, a variable, an init-param), for messages. */
    private record Given(String value, String name) {
    }

    /** A setting the user got wrong; the message is one line meant for them. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }

        /** The same message about the value given as {@code name} (e.g. PORT) rather than as {@code flag}. */
        Invalid givenAs(String flag, String name) {
            return flag.equals(name) || !getMessage().startsWith(flag) ? this
                    : new Invalid(name + getMessage().substring(flag.length()));
        }
    }

    /** Thrown for {@code --help}: not an error, the caller prints {@link #usage()}. */
    public static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }

    /** The shortest {@code --secret} taken: a short key can be guessed offline from one token. */
    static final int MIN_SECRET = 16;

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
        if (headTimeout.compareTo(Duration.ofSeconds(1)) < 0 || headTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new Invalid("--head-timeout must be between 1 and 3600 seconds, got " + headTimeout.toSeconds());
        }
        if (dbTimeout.compareTo(Duration.ofSeconds(1)) < 0 || dbTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new Invalid("--db-timeout must be between 1 and 3600 seconds, got " + dbTimeout.toSeconds());
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
        if (secret != null && secret.codePointCount(0, secret.length()) < MIN_SECRET) {
            // Not echoed: it is a secret.
            throw new Invalid("--secret must be at least " + MIN_SECRET + " characters long");
        }
    }

    /** As the record would print itself, without the secret or the database URL (it may hold a password). */
    @Override
    public String toString() {
        return "Config[host=" + host + ", port=" + port + ", maxBodyBytes=" + maxBodyBytes + ", bodyTimeout=" + bodyTimeout
                + ", headTimeout=" + headTimeout + ", corsOrigins=" + corsOrigins + ", dbUrl=(hidden), trustProxy="
                + trustProxy + ", staticRoot=" + staticRoot + ", dev=" + dev + ", secret="
                + (secret == null ? "(none)" : "(hidden)") + ", techEmpower=" + techEmpower + ", dbTimeout=" + dbTimeout
                + ", serveDotfiles=" + serveDotfiles + ", listDirs=" + listDirs + ", accessLog=" + accessLog
                + ", metrics=" + metrics + ", metricsToken=" + (metricsToken == null ? "(none)" : "(hidden)")
                + ", tls=" + tls + ", h2c=" + h2c
                + ", virtualThreads=" + virtualThreads + "]";
    }

    /**
     * Launcher: {@code --flag value} or {@code --flag=value} (a switch alone means true), a port as
     * the one positional argument, then environment, then defaults.
     */
    public static Config fromArgs(List<String> args, Map<String, String> env) {
        return fromArgs(args, env, Path.of("").toAbsolutePath());
    }

    /** As {@link #fromArgs(List, Map)}, started in {@code workDir} (where ./data would go). */
    static Config fromArgs(List<String> args, Map<String, String> env, Path workDir) {
        Map<Setting, Given> flags = new EnumMap<>(Setting.class);
        boolean positional = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            if (!arg.startsWith("-")) {
                if (positional) {
                    throw new Invalid("unexpected argument " + arg + " (only the port may be given without a flag; see --help)");
                }
                positional = true;
                flags.put(Setting.PORT, new Given(arg, "the port argument")); // as python3 -m http.server 8001
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            Setting setting = byFlag(name);
            if (value == null && setting.isSwitch()) {
                // Alone it means true; a word after it is its value, a number after it is the port.
                boolean valueFollows = i + 1 < args.size() && !args.get(i + 1).startsWith("-")
                        && !args.get(i + 1).matches("\\d+");
                value = valueFollows ? args.get(++i) : "true";
            } else if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new Invalid(name + " needs a value");
                }
                value = args.get(++i);
            }
            flags.put(setting, new Given(value, setting.flag));
        }
        Config config = resolve(setting -> {
            Given given = flags.get(setting);
            return given != null ? given : fromEnv(setting, env);
        });
        boolean dbUrlGiven = flags.containsKey(Setting.DB_URL) || fromEnv(Setting.DB_URL, env) != null;
        return dbUrlGiven ? config : config.withDbUrl(DefaultDatabase.forLauncher(config.staticRoot(), workDir, env));
    }

    private Config withDbUrl(String url) {
        return new Config(host, port, maxBodyBytes, bodyTimeout, headTimeout, corsOrigins, url, trustProxy, staticRoot,
                dev, secret, techEmpower, dbTimeout, serveDotfiles, listDirs, accessLog, metrics, metricsToken, tls, h2c,
                virtualThreads);
    }

    /**
     * WAR: context init-param, then system property, then environment, then defaults; the default
     * database is the deployment's own (see {@link #warDatabase}).
     */
    public static Config fromContext(ServletContext context) {
        return resolve(setting -> {
            if (setting.launcherOnly()) {
                // A WAR serves its own content, whatever the machine's environment says, and its
                // access log and listeners are the container's.
                return null;
            }
            String value = context.getInitParameter(setting.key());
            if (value == null) {
                value = System.getProperty(setting.key());
            }
            Given given = value != null ? new Given(value, setting.key()) : fromEnv(setting, System.getenv());
            if (given == null && setting == Setting.DB_URL) {
                given = new Given(warDatabase(containerBase(), context.getContextPath()), setting.key());
            }
            return given;
        });
    }

    /**
     * A WAR's default H2 file: {@code <container base>/data/groundup/<context name>}, so that two
     * deployments in one container never open the same file. Not the context's temporary directory:
     * Jetty deletes it on stop and Tomcat's work directory goes on undeploy, with the todos in it.
     *
     * @param contextPath "" for the root (named ROOT, as Tomcat names it), else e.g. {@code /groundup}
     */
    static String warDatabase(Path containerBase, String contextPath) {
        String name = contextPath.isEmpty() || contextPath.equals("/")
                ? "ROOT"
                : contextPath.substring(1).replaceAll("[^A-Za-z0-9._-]", "_");
        return "jdbc:h2:" + containerBase.resolve("data").resolve("groundup").resolve(name);
    }

    /** Tomcat's CATALINA_BASE or Jetty's jetty.base, both set as system properties; else the working directory. */
    private static Path containerBase() {
        for (String property : List.of("catalina.base", "jetty.base")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                return Path.of(value).toAbsolutePath().normalize();
            }
        }
        return Path.of("").toAbsolutePath();
    }

    /** One line per setting, as the table in docs/configuration.md has them (ConfigTest compares the two). */
    public static String usage() {
        StringBuilder out = new StringBuilder("Usage: java -jar groundup.jar [PORT] [options]\n\nOptions:\n");
        int width = 0;
        for (Setting s : Setting.values()) {
            width = Math.max(width, flagAndPlaceholder(s).length());
        }
        for (Setting s : Setting.values()) {
            out.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n  %-" + width + "s  env %s; default %s%n",
                    flagAndPlaceholder(s), s.help, "", String.join(" or ", s.envNames), s.shownDefault()));
        }
        out.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", "-h, --help", "print this help and exit"));
        return out.toString();
    }

    static String flagAndPlaceholder(Setting s) {
        return s.flag + " " + s.placeholder;
    }

    private static Config resolve(Function<Setting, Given> lookup) {
        Map<Setting, Given> v = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            Given given = lookup.apply(s);
            v.put(s, given != null ? new Given(given.value().trim(), given.name()) : new Given(s.defaultValue, s.flag));
        }
        try {
            return new Config(v.get(Setting.HOST).value(), parsePort(v.get(Setting.PORT).value()),
                    parseLong(Setting.MAX_BODY_BYTES, v.get(Setting.MAX_BODY_BYTES).value()),
                    Duration.ofSeconds(parseLong(Setting.BODY_TIMEOUT, v.get(Setting.BODY_TIMEOUT).value())),
                    Duration.ofSeconds(parseLong(Setting.HEAD_TIMEOUT, v.get(Setting.HEAD_TIMEOUT).value())),
                    parseList(v.get(Setting.CORS_ORIGINS).value()), v.get(Setting.DB_URL).value(),
                    parseBoolean(Setting.TRUST_PROXY, v.get(Setting.TRUST_PROXY).value()),
                    parseStaticRoot(v.get(Setting.STATIC_ROOT).value()),
                    parseBoolean(Setting.DEV, v.get(Setting.DEV).value()), v.get(Setting.SECRET).value(),
                    !parseBoolean(Setting.NO_TECHEMPOWER, v.get(Setting.NO_TECHEMPOWER).value()),
                    Duration.ofSeconds(parseLong(Setting.DB_TIMEOUT, v.get(Setting.DB_TIMEOUT).value())),
                    parseBoolean(Setting.SERVE_DOTFILES, v.get(Setting.SERVE_DOTFILES).value()),
                    parseBoolean(Setting.LIST_DIRS, v.get(Setting.LIST_DIRS).value()),
                    parseAccessLog(v.get(Setting.ACCESS_LOG).value()),
                    parseBoolean(Setting.METRICS, v.get(Setting.METRICS).value()),
                    parseToken(v.get(Setting.METRICS_TOKEN).value()), parseTls(v),
                    parseBoolean(Setting.H2C, v.get(Setting.H2C).value()),
                    parseBoolean(Setting.VIRTUAL_THREADS, v.get(Setting.VIRTUAL_THREADS).value()));
        } catch (Invalid e) {
            // Every message starts with the flag of its setting; name what the user actually set.
            for (Setting s : Setting.values()) {
                if (e.getMessage().startsWith(s.flag + " ") || e.getMessage().startsWith(s.flag + ":")) {
                    throw e.givenAs(s.flag, v.get(s).name());
                }
            }
            throw e;
        }
    }

    /** The HTTPS listener, null without a certificate; the settings that only make sense with one ask for one. */
    private static Tls parseTls(Map<Setting, Given> v) {
        Path cert = parseFile(Setting.TLS_CERT, v.get(Setting.TLS_CERT).value());
        Path key = parseFile(Setting.TLS_KEY, v.get(Setting.TLS_KEY).value());
        Path keystore = parseFile(Setting.KEYSTORE, v.get(Setting.KEYSTORE).value());
        String password = v.get(Setting.KEYSTORE_PASSWORD).value();
        String httpsPort = v.get(Setting.HTTPS_PORT).value();
        boolean redirect = parseBoolean(Setting.REDIRECT_HTTPS, v.get(Setting.REDIRECT_HTTPS).value());
        boolean hsts = parseBoolean(Setting.HSTS, v.get(Setting.HSTS).value());
        if ((cert == null) != (key == null)) {
            throw new Invalid(cert == null ? "--tls-key needs --tls-cert, the certificate it belongs to"
                    : "--tls-cert needs --tls-key, the certificate's private key");
        }
        if (cert != null && keystore != null) {
            throw new Invalid("--keystore is instead of --tls-cert and --tls-key: give one or the other");
        }
        if (password != null && keystore == null) {
            throw new Invalid("--keystore-password needs --keystore");
        }
        if (cert == null && keystore == null) {
            for (Setting needsTls : List.of(Setting.HTTPS_PORT, Setting.REDIRECT_HTTPS, Setting.HSTS)) {
                String value = v.get(needsTls).value();
                if (value != null && !value.equalsIgnoreCase("false")) {
                    throw new Invalid(needsTls.flag + " needs a certificate: --tls-cert and --tls-key, or --keystore");
                }
            }
            return null;
        }
        int port = httpsPort == null ? DEFAULT_HTTPS_PORT : parsePort(Setting.HTTPS_PORT, httpsPort);
        if (port != 0 && String.valueOf(port).equals(v.get(Setting.PORT).value())) {
            throw new Invalid("--https-port must not be --port's " + port + ": the plain port listens there");
        }
        return new Tls(cert, key, keystore, password, port, redirect, hsts);
    }

    /** A file that exists and can be read; what is in it is the reader's to judge. */
    private static Path parseFile(Setting setting, String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            throw new Invalid(setting.flag + " must not be empty");
        }
        try {
            Path file = Path.of(value).toAbsolutePath();
            if (!Files.exists(file)) {
                throw new Invalid(setting.flag + " " + value + " does not exist");
            }
            if (!Files.isRegularFile(file)) {
                throw new Invalid(setting.flag + " " + value + " is not a file");
            }
            if (!Files.isReadable(file)) {
                throw new Invalid(setting.flag + " " + value + " is not readable (check its permissions)");
            }
            return file;
        } catch (InvalidPathException e) {
            throw new Invalid(setting.flag + " " + value + " is not a file name");
        }
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

    private static Given fromEnv(Setting setting, Map<String, String> env) {
        for (String name : setting.envNames) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return new Given(value, name);
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
        return parsePort(Setting.PORT, value);
    }

    private static int parsePort(Setting setting, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Invalid(setting.flag + " must be a number between 0 and 65535, got '" + value + "'");
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
