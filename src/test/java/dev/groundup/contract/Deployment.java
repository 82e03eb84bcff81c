package dev.groundup.contract;

import java.net.URI;

/**
 * The three ways Groundup runs (Tomcat in both of its Servlet 6.0 lines), and the launcher once
 * more on PostgreSQL. Every contract test class is a {@code @ParameterizedClass} over this enum,
 * so each case runs against all of them.
 * A server starts the first time a test asks for it and stops when the test JVM exits.
 */
public enum Deployment {
    /** {@code Main.newServer} in this JVM, port 0. */
    LAUNCHER(Servers::launcher),
    /** target/groundup.war in a standalone jetty-home, started with our jetty-base. */
    JETTY(Servers::jetty),
    /** target/groundup.war as ROOT in a stock Tomcat 11 layout, deployed as docs/deploying.md says. */
    TOMCAT(Servers::tomcat),
    /** The same WAR in a standalone Tomcat 10.1, the other Servlet 6.0 line, under the context path /groundup. */
    TOMCAT_10_1(Servers::tomcat10),
    /** The launcher in this JVM on PostgreSQL (this run's own database), where the others use H2. */
    LAUNCHER_POSTGRESQL(Servers::launcherOnPostgresql),
    /**
     * The launcher in this JVM over HTTPS (a certificate from the suite's throwaway CA), where
     * {@link Http#send} speaks HTTP/2 and {@link Http#raw} HTTP/1.1 inside TLS.
     */
    LAUNCHER_HTTPS(Servers::launcherHttps);

    private final java.util.function.Supplier<Servers.Running> starter;
    private Servers.Running running;

    Deployment(java.util.function.Supplier<Servers.Running> starter) {
        this.starter = starter;
    }

    /**
     * The application's root, e.g. {@code http://127.0.0.1:41234} or, under a context path,
     * {@code http://127.0.0.1:41234/groundup}; starts it on first use.
     */
    public synchronized URI base() {
        String only = System.getProperty("groundup.deployments");
        if (only != null && !java.util.Arrays.asList(only.split(",")).contains(name())) {
            // While working on one deployment: mvn verify -Dgroundup.deployments=LAUNCHER_HTTPS
            org.junit.jupiter.api.Assumptions.abort("only -Dgroundup.deployments=" + only + " runs");
        }
        if (running == null) {
            running = starter.get();
        }
        return running.base();
    }

    /** The file this deployment's access log goes to (the launcher's --access-log, the container's own). */
    public synchronized java.nio.file.Path accessLog() {
        base();
        return running.accessLog();
    }

    public URI uri(String pathAndQuery) {
        return URI.create(base() + pathAndQuery);
    }

    /** "" at the root, else e.g. {@code /groundup}: what the application's own links start with. */
    public String contextPath() {
        return this == TOMCAT_10_1 ? Servers.CONTEXT_PATH : "";
    }

    /** {@code path} within the application as the server sees it, e.g. {@code /groundup/hello}. */
    public String path(String path) {
        return contextPath() + path;
    }

    /** Served over HTTPS: its links, cookies and redirects say so. */
    public boolean isHttps() {
        return "https".equals(base().getScheme());
    }

    /** The protocol {@link Http#send} speaks to it, as a request line (and the access log) names it. */
    public String protocol() {
        return isHttps() ? "HTTP/2.0" : "HTTP/1.1";
    }

    /** {@code scheme://host:port}, what a browser sends in Origin. */
    public String origin() {
        return base().getScheme() + "://" + host() + ":" + port();
    }

    public String host() {
        return base().getHost();
    }

    public int port() {
        return base().getPort();
    }
}
