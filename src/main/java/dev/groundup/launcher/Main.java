package dev.groundup.launcher;

import java.io.IOException;
import java.net.BindException;
import java.net.URL;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import dev.groundup.Config;
import dev.groundup.StartupException;
import dev.groundup.Wiring;
import dev.groundup.http.StandardHeaders;
import dev.groundup.metrics.Metrics;
import org.eclipse.jetty.ee10.webapp.Configuration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.ee10.webapp.ServletsConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppConfiguration;
import org.eclipse.jetty.ee10.webapp.WebXmlConfiguration;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.AllowedResourceAliasChecker;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.VirtualThreads;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The launcher: flags and environment become a {@link Config}, {@link #newServer} builds an
 * embedded Jetty that deploys the same web.xml as the WAR, and the seed's UP/DOWN lines frame
 * its life.
 */
public final class Main {
    /** In-flight requests get this long to finish once a stop is asked for. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /** ServletContextHandler options with neither SESSIONS nor SECURITY. */
    private static final int NO_SESSIONS_NO_SECURITY = 0;
    /** Python's time.asctime(): "Tue Nov 24 10:00:00 2026", the day padded with a space. */
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Config config;
        try {
            config = Config.fromArgs(List.of(args), System.getenv());
        } catch (Config.HelpRequested help) {
            System.out.print(Config.usage());
            return;
        } catch (Config.Invalid e) {
            System.err.println("groundup: " + e.getMessage());
            System.exit(2);
            return;
        }

        Server server;
        try {
            server = newServer(config);
        } catch (KeyMaterial.Unusable e) {
            // A certificate or key that cannot be used is a setting to fix, as a bad flag is.
            System.err.println("groundup: " + e.getMessage());
            System.exit(2);
            return;
        }
        String address = config.host() + ":" + config.port();
        // Files are served while the database opens; UP is printed once it is open (see Wiring).
        WebAppContext webapp = server.getDescendant(WebAppContext.class);
        webapp.setAttribute(Wiring.OPEN_DATABASE_IN_BACKGROUND, Boolean.TRUE);
        try {
            // Bind before deploying, so a taken port fails fast and deploys nothing.
            for (Connector c : server.getConnectors()) {
                ServerConnector connector = (ServerConnector) c;
                address = config.host() + ":" + connector.getPort();
                connector.open();
            }
            address = urls(server);
            server.start();
            ((CompletableFuture<?>) webapp.getServletContext().getAttribute(Wiring.DATABASE_OPENED)).get();
        } catch (Exception e) {
            System.err.println("groundup: " + startupFailure(e, address));
            stopQuietly(server);
            System.exit(1);
            return;
        }
        // Handlers first: a signal sent as soon as the UP line is read must find them.
        CountDownLatch stopRequested = new CountDownLatch(1);
        AtomicInteger signals = new AtomicInteger();
        SignalHandler onSignal = signal -> {
            if (signals.incrementAndGet() == 1) {
                stopRequested.countDown();
            } else {
                // Asked again: the operator will not wait out the grace period.
                System.err.println("groundup: stopping at once, closing the connections still open");
                closeConnections(server);
            }
        };
        Signal.handle(new Signal("INT"), onSignal);
        Signal.handle(new Signal("TERM"), onSignal);
        System.out.println(asctime() + " Server UP - " + address);

        stopRequested.await();

        stopGracefully(server);
        System.out.println(asctime() + " Server DOWN - " + address);
        System.exit(0);
    }

    /**
     * No new connections; in-flight requests get STOP_TIMEOUT to finish. Those still running then
     * (a client trickling its body) have their connections closed: the stop goes on and ends
     * normally, as a planned stop should, with one line saying what was cut off.
     */
    static void stopGracefully(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            if (isGraceRunningOut(e)) {
                System.err.println("groundup: requests still running after " + STOP_TIMEOUT.toSeconds() + " s were cut off");
            } else {
                LoggerFactory.getLogger(Main.class).warn("stopping did not go cleanly", e);
            }
            closeConnections(server);
        }
    }

    private static boolean isGraceRunningOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isGraceRunningOut(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every connection of every connector, plain and HTTPS. */
    private static void closeConnections(Server server) {
        for (Connector connector : server.getConnectors()) {
            connector.getConnectedEndPoints().forEach(EndPoint::close);
        }
    }

    /**
     * A server listening on {@code config.host():config.port()} (its first connector) and, with a
     * certificate, on the HTTPS port (its second), that serves the built-in site, or
     * {@code config.staticRoot()} with the built-in site's web.xml.
     *
     * @throws KeyMaterial.Unusable when the certificate's files cannot be used; the message says why
     */
    public static Server newServer(Config config) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("groundup");
        if (config.virtualThreads() && VirtualThreads.areSupported()) {
            // Requests (the blocking part) on virtual threads; selectors and acceptors stay on the pool's.
            threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("groundup-vt"));
        }
        Server server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(true);
        // Jetty keeps a cache of header lines per open connection; its default (1,024 characters)
        // costs ~100 KB of heap each, 26 MB at 256 connections, which under -Xmx64m was most of the
        // heap (bench/results/2026-12-02-memory.md). 256 still holds a client's repeated short lines.
        http.setHeaderCacheSize(256);
        // A chunk size announcing more than the body limit is refused at once (413), not waited on.
        ChunkLimit http1 = new ChunkLimit(http, config.maxBodyBytes());
        ServerConnector connector = config.h2c()
                // Cleartext HTTP/2 beside HTTP/1.1: a client's preface (prior knowledge) or Upgrade: h2c.
                ? new ServerConnector(server, http1, new HTTP2CServerConnectionFactory(http))
                : new ServerConnector(server, http1);
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        // A request's head must arrive whole within its deadline, however slowly it trickles.
        server.addBean(new HeadDeadline(connector, config.headTimeout()));

        ServerConnector https = null;
        if (config.tls() != null) {
            KeyMaterial.Snapshot files = KeyMaterial.read(config.tls());
            https = Https.connector(server, config, http, KeyMaterial.load(config.tls(), files));
            server.addConnector(https);
            server.addBean(new HeadDeadline(https, config.headTimeout()));
            server.addBean(new CertificateReload(config.tls(), Https.sslContextFactoryOf(https), https.getScheduler(), files));
        }

        // No SessionHandler and no SecurityHandler: the application uses neither, and together they
        // cost about a tenth of a small request (webdefault's constraints are re-checked on every
        // request). A feature that needs sessions or constraints turns them back on here.
        WebAppContext webapp = new WebAppContext("/", null, null, null, null, NO_SESSIONS_NO_SECURITY);
        Resource builtIn = builtInSite(server);
        webapp.setBaseResource(config.staticRoot() != null
                ? ResourceFactory.of(server).newResource(config.staticRoot())
                : builtIn);
        // Always our own web.xml, and nothing else from the served folder: no WEB-INF/lib or classes,
        // no jetty-web.xml. A --static-root folder is content, never code or configuration.
        webapp.setDescriptor(builtIn.resolve("WEB-INF/web.xml").getURI().toString());
        webapp.setConfigurations(new Configuration[] {
                new WebAppConfiguration(), new ServletsConfiguration(), new WebXmlConfiguration()});
        // A symlink is followed only when its target is inside the folder too (Jetty's default
        // follows symlinks anywhere).
        webapp.setAliasChecks(List.of(new AllowedResourceAliasChecker(webapp)));
        webapp.setAttribute(Config.ATTRIBUTE, config);
        webapp.setParentLoaderPriority(true);          // our classes come from the launcher's classpath
        webapp.setThrowUnavailableOnStartupException(true); // a failed wiring stops startup
        Handler application = new LauncherFastPath(webapp, StandardHeaders.HEADERS, StandardHeaders.NAME);
        if (https != null && config.tls().redirect()) {
            application = new HttpsRedirect(application, https::getLocalPort);
        }
        server.setHandler(new GracefulHandler(new LauncherRequestIds(application)));
        server.setRequestLog(AccessLog.of(config.accessLog()));
        if (config.metrics()) {
            // The application's registry, made here so it also has Jetty's threads and connections.
            webapp.setAttribute(Metrics.REGISTRY_ATTRIBUTE, LauncherMetrics.registry(threads, server));
        }

        // Requests Jetty refuses before the application (malformed ones) answer like the application.
        server.setErrorHandler(new LauncherErrors());

        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        return server;
    }

    /** The site packaged at {@code webapp/} on the classpath: in the jar, or target/classes in a build. */
    static Resource builtInSite(Server server) {
        // One URL, mounted once: newClassLoaderResource mounted the jar once per class loader that
        // found webapp/, each mount a zip file system with its own index of the jar's 10,000 entries
        // (about 2 MB of heap each, kept for the server's life).
        URL url = Main.class.getClassLoader().getResource("webapp/");
        Resource site = url == null ? null : ResourceFactory.of(server).newResource(url);
        if (site == null || !site.exists()) {
            throw new IllegalStateException("the built-in site (webapp/) is not on the classpath");
        }
        return site;
    }

    /** What a terminal makes clickable: {@code http://localhost:8000/}, an IPv6 address in brackets. */
    static String url(String host, int port) {
        return url("http", host, port);
    }

    static String url(String scheme, String host, int port) {
        return scheme + "://" + (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port + "/";
    }

    /** Each listening connector's URL, plain first: {@code http://localhost:8000/ https://localhost:8443/}. */
    static String urls(Server server) {
        StringBuilder urls = new StringBuilder();
        for (Connector c : server.getConnectors()) {
            ServerConnector connector = (ServerConnector) c;
            String scheme = connector.getConnectionFactory(SslConnectionFactory.class) != null ? "https" : "http";
            urls.append(urls.isEmpty() ? "" : " ").append(url(scheme, connector.getHost(), connector.getLocalPort()));
        }
        return urls.toString();
    }

    static String asctime() {
        return ZonedDateTime.now().format(ASCTIME);
    }

    private static String startupFailure(Throwable e, String address) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StartupException startup) {
                return startup.getMessage();
            }
            if (t instanceof BindException bind) {
                return "cannot listen on " + address + ": " + bind.getMessage();
            }
            if (t instanceof UnresolvedAddressException) {
                return "cannot listen on " + address + ": unknown host";
            }
        }
        // Not a reason an operator can act on but a bug: the one line, and the whole story in the log.
        LoggerFactory.getLogger(Main.class).error("failed to start", e);
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "failed to start: " + (root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName());
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // already failing; the first error is the one worth reporting
        }
    }
}
