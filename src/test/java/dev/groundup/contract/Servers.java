package dev.groundup.contract;

import dev.groundup.Config;
import dev.groundup.TestCertificates;
import dev.groundup.launcher.Main;
import dev.groundup.db.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Starts the three deployments; paths to the built artifacts come from failsafe (see pom.xml). */
final class Servers {
    /** Shorter than the default 30 s, so that SlowBodyIT sees a body time out in every deployment; long
     * enough for its slow clients to connect and finish on a busy machine. */
    static final int BODY_TIMEOUT_SECONDS = 10;

    private static final Duration STARTUP = Duration.ofSeconds(90);
    /** Each deployment gets its own in-memory H2: nothing on disk, nothing shared between runs. */
    static final String DB_URL = "jdbc:h2:mem:groundup;DB_CLOSE_DELAY=-1";
    /** The HTTPS launcher runs in the same JVM as the plain one: a database of its own. */
    static final String HTTPS_DB_URL = "jdbc:h2:mem:groundup-https;DB_CLOSE_DELAY=-1";

    /** Where each container's access log goes, in its work folder (Tomcat's: see tomcat/server.xml). */
    static final String ACCESS_LOG = "logs/access.log";

    /** @param accessLog the file the deployment's access log goes to */
    record Running(URI base, Path accessLog) {
    }

    private Servers() {
    }

    static Running launcher() {
        return launcherDeployment("launcher", "--db-url", DB_URL);
    }

    /** The launcher on this run's own PostgreSQL database; skipped (or failed, with CI=true) without one. */
    static Running launcherOnPostgresql() {
        return launcherDeployment("launcher-postgresql", "--db-url", TestPostgres.url());
    }

    /**
     * The launcher over HTTPS with a certificate from the suite's CA (HTTP/2 by ALPN, HSTS on),
     * its plain port beside it; the suite talks to the HTTPS one.
     */
    static Running launcherHttps() {
        TestCertificates.Issued certificate = TestCertificates.shared().issue();
        return launcherDeployment("launcher-https", "--db-url", HTTPS_DB_URL, "--tls-cert", certificate.chainPem().toString(),
                "--tls-key", certificate.keyPem().toString(), "--https-port", "0", "--hsts");
    }

    /** As below, with metrics on and the access log in {@code workDir/name/access.log}. */
    private static Running launcherDeployment(String name, String... flags) {
        Path accessLog = fresh(path("groundup.workDir").resolve(name)).resolve("access.log");
        List<String> args = new ArrayList<>(List.of(flags));
        args.addAll(List.of("--metrics", "--access-log", accessLog.toString()));
        return new Running(launcher(args.toArray(String[]::new)).base(), accessLog);
    }

    /** {@code Main.newServer} in this JVM on a free port, with {@code flags} as on the command line. */
    static Running launcher(String... flags) {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0",
                "--body-timeout", String.valueOf(BODY_TIMEOUT_SECONDS), "--access-log", "off"));
        args.addAll(List.of(flags));
        // GROUNDUP_VIRTUAL_THREADS=true runs the launcher's deployments on virtual threads (Java 21+):
        // the whole contract suite, or the slow-client tests, on them.
        String virtual = System.getenv("GROUNDUP_VIRTUAL_THREADS");
        Server server = Main.newServer(Config.fromArgs(args,
                virtual == null ? Map.of() : Map.of("GROUNDUP_VIRTUAL_THREADS", virtual)));
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("launcher did not start", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the JVM is exiting
            }
        }));
        // With a certificate, the HTTPS connector (the second) is the one to talk to.
        ServerConnector connector = (ServerConnector) server.getConnectors()[server.getConnectors().length - 1];
        String scheme = server.getConnectors().length > 1 ? "https" : "http";
        return new Running(URI.create(scheme + "://127.0.0.1:" + connector.getLocalPort()), null);
    }

    static Running jetty() {
        return awaitReady(startJetty("jetty", DB_URL));
    }

    static Running tomcat() {
        return awaitReady(startTomcat("tomcat", DB_URL));
    }

    /** Tomcat 10.1 runs the WAR under a context path, so that the suite proves every link and redirect honours it. */
    static Running tomcat10() {
        return awaitReady(startTomcat("tomcat10", "groundup.tomcat10Home", DB_URL, CONTEXT_PATH));
    }

    /** The context path of the deployment that is not at the root. */
    static final String CONTEXT_PATH = "/groundup";

    /**
     * A container process, started and not yet waited for; its output goes to {@code log}.
     * {@code base} ends with the context path, if any: append paths to it, do not resolve them.
     */
    record Started(String name, Process process, Path log, URI base, Path work) {
    }

    /**
     * The WAR in a standalone Jetty working in {@code workDir/name}, on {@code dbUrl}: a copy of our
     * jetty-base whose webapps/groundup.xml is docs/containers/jetty/groundup.xml at the root.
     */
    static Started startJetty(String name, String dbUrl) {
        Path home = path("groundup.jettyHome");
        Path work = fresh(path("groundup.workDir").resolve(name));
        Path base = work.resolve("jetty-base");
        int port = freePort();
        try {
            copyTree(path("groundup.jettyBase"), base);
            Files.writeString(base.resolve("webapps/groundup.xml"),
                    ContainerSettings.jetty("/", path("groundup.war"), settings(dbUrl)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of(java(),
                "-Djava.io.tmpdir=" + mkdirs(work.resolve("tmp")),
                "-jar", home.resolve("start.jar").toString(),
                "jetty.requestlog.filePath=" + work.resolve(ACCESS_LOG),
                "jetty.home=" + home,
                "jetty.base=" + base,
                "jetty.http.host=127.0.0.1",
                "jetty.http.port=" + port);
        mkdirs(work.resolve("logs"));
        return startProcess(name, command, work, port);
    }

    /** The settings every container deployment gets, through the files docs/deploying.md shows. */
    private static Map<String, String> settings(String dbUrl) {
        return Map.of("groundup.db-url", dbUrl, "groundup.body-timeout", String.valueOf(BODY_TIMEOUT_SECONDS),
                "groundup.metrics", "true");
    }

    /** The WAR as ROOT in a standalone Tomcat 11 whose base is {@code workDir/name}, on {@code dbUrl}. */
    static Started startTomcat(String name, String dbUrl) {
        return startTomcat(name, "groundup.tomcatHome", dbUrl);
    }

    /**
     * The same in the Tomcat whose home the system property {@code homeProperty} names, deployed as
     * docs/deploying.md says: a stock base, its bundled ROOT removed, our WAR as ROOT.war, the
     * settings in conf/Catalina/localhost/ROOT.xml.
     */
    static Started startTomcat(String name, String homeProperty, String dbUrl) {
        return startTomcat(name, homeProperty, dbUrl, "");
    }

    /** The same at {@code contextPath} ("" for the root, else e.g. "/groundup"). */
    static Started startTomcat(String name, String homeProperty, String dbUrl, String contextPath) {
        StockTomcat tomcat = StockTomcat.create(name, homeProperty);
        tomcat.deploy(contextPath, settings(dbUrl));
        return tomcat.start(contextPath);
    }

    /**
     * A CATALINA_BASE as a stock download has it: Tomcat's own conf/ and webapps/ (ROOT, docs,
     * examples, manager, host-manager), and the suite's server.xml for the port.
     */
    record StockTomcat(String name, Path home, Path base, int port) {
        static StockTomcat create(String name, String homeProperty) {
            Path home = path(homeProperty);
            Path base = fresh(path("groundup.workDir").resolve(name));
            try {
                copyTree(home.resolve("conf"), base.resolve("conf"));
                copyTree(home.resolve("webapps"), base.resolve("webapps"));
                try (var serverXml = Servers.class.getResourceAsStream("/tomcat/server.xml")) {
                    Files.copy(serverXml, base.resolve("conf/server.xml"), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new StockTomcat(name, home, base, freePort());
        }

        /**
         * The WAR at {@code contextPath} ("" for the root) as docs/deploying.md says: at the root the
         * bundled ROOT goes first. With {@code settings}, conf/Catalina/localhost/&lt;name&gt;.xml is
         * docs/containers/tomcat/groundup.xml with those values; without, the application's defaults.
         */
        void deploy(String contextPath, Map<String, String> settings) {
            // Tomcat names the context after the file: ROOT.war is "", groundup.war is /groundup.
            String file = contextPath.isEmpty() ? "ROOT" : contextPath.substring(1);
            try {
                if (contextPath.isEmpty()) {
                    deleteTree(base.resolve("webapps/ROOT"));
                }
                Files.copy(path("groundup.war"), base.resolve("webapps").resolve(file + ".war"));
                if (!settings.isEmpty()) {
                    Files.writeString(mkdirs(base.resolve("conf/Catalina/localhost")).resolve(file + ".xml"),
                            ContainerSettings.tomcat(settings));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Started start() {
            return start("");
        }

        /** Started, with its base URL at {@code contextPath}. */
        Started start(String contextPath) {
            List<String> command = List.of(java(),
                    "-cp", home.resolve("bin/bootstrap.jar") + java.io.File.pathSeparator + home.resolve("bin/tomcat-juli.jar"),
                    "-Dcatalina.home=" + home,
                    "-Dcatalina.base=" + base,
                    "-Djava.io.tmpdir=" + mkdirs(base.resolve("temp")),
                    "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                    // as catalina.sh does, so Tomcat can check for leaks on undeploy without warnings
                    "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED",
                    "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"),
                    "-Dgroundup.it.port=" + port,
                    "org.apache.catalina.startup.Bootstrap", "start");
            mkdirs(base.resolve("logs"));
            return startProcess(name, command, base, port, contextPath);
        }
    }

    private static Started startProcess(String name, List<String> command, Path work, int port) {
        return startProcess(name, command, work, port, "");
    }

    private static Started startProcess(String name, List<String> command, Path work, int port, String contextPath) {
        Path log = work.resolve(name + ".log");
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // The containers get the settings the suite gives them, not the developer's GROUNDUP_*.
            builder.environment().keySet().removeIf(variable -> variable.startsWith("GROUNDUP_"));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
        return new Started(name, process, log, URI.create("http://127.0.0.1:" + port + contextPath), work);
    }

    /** SIGTERM, as an operator's stop: the container undeploys, then exits. */
    static void stop(Process process) {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException ignored) {
            process.destroyForcibly();
        }
    }

    /** Ready means /hello answers 200: the WAR is deployed, not just the port open. */
    static Running awaitReady(Started started) {
        String name = started.name();
        Process process = started.process();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(started.base() + "/hello")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + tail(started.log()));
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new Running(started.base(), started.work().resolve(ACCESS_LOG));
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not answer 200 on /hello within " + STARTUP + "; log:\n"
                + tail(started.log()));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the contract suite with mvn verify");
        }
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!property.equals("groundup.workDir") && !Files.exists(path)) {
            throw new IllegalStateException(property + " points to " + path + ", which does not exist: run mvn verify");
        }
        return path;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Path fresh(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mkdirs(dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
