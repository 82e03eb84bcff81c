package dev.groundup.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The container's thread pool and connections for the WAR, read from the MBeans the container
 * registers (the launcher hands its own Jetty meters in instead; see launcher.LauncherMetrics).
 * Tomcat always registers {@code Catalina:type=ThreadPool}; a standalone Jetty does with its
 * {@code jmx} module (on in our jetty-base). Read at each scrape, so a pool registered after the
 * application starts is seen too, and a container without such beans shows no series.
 */
final class ContainerMetrics {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    void bindTo(MeterRegistry registry) {
        if (isTomcat()) {
            gauge(registry, "tomcat.threads", "threads in the connectors' pools", TOMCAT_POOLS, "currentThreadCount");
            gauge(registry, "tomcat.threads.busy", "threads running a request", TOMCAT_POOLS, "currentThreadsBusy");
            gauge(registry, "tomcat.threads.max", "the pools' limits", TOMCAT_POOLS, "maxThreads");
            gauge(registry, "tomcat.connections.open", "open client connections", TOMCAT_POOLS, "connectionCount");
        } else if (!query(JETTY_POOL).isEmpty()) {
            gauge(registry, "jetty.threads", "threads in the pool", JETTY_POOL, "threads");
            gauge(registry, "jetty.threads.busy", "threads running a job", JETTY_POOL, "busyThreads");
            gauge(registry, "jetty.threads.max", "the pool's limit", JETTY_POOL, "maxThreads");
            gauge(registry, "jetty.threads.queued", "jobs waiting for a thread", JETTY_POOL, "queueSize");
        }
    }

    private static final String TOMCAT_POOLS = "*:type=ThreadPool,*";
    private static final String JETTY_POOL = "org.eclipse.jetty.util.thread:type=queuedthreadpool,*";

    private boolean isTomcat() {
        return !query("Catalina:type=Server").isEmpty() || !query("Tomcat:type=Server").isEmpty();
    }

    /** The attribute summed over every matching bean (Tomcat has a pool per connector). */
    private void gauge(MeterRegistry registry, String name, String description, String pattern, String attribute) {
        // Held strongly: nothing else keeps this object, and a gauge's state is weakly held by default.
        Gauge.builder(name, this, m -> m.sum(pattern, attribute)).description(description).strongReference(true)
                .register(registry);
    }

    private double sum(String pattern, String attribute) {
        double sum = 0;
        boolean any = false;
        for (ObjectName bean : query(pattern)) {
            try {
                if (server.getAttribute(bean, attribute) instanceof Number n && n.doubleValue() >= 0) {
                    sum += n.doubleValue();
                    any = true;
                }
            } catch (JMException | RuntimeException unreadable) {
                // a bean going away while it is read, or one without this attribute: skip it
            }
        }
        return any ? sum : Double.NaN;
    }

    private Set<ObjectName> query(String pattern) {
        try {
            return server.queryNames(new ObjectName(pattern), null);
        } catch (JMException e) {
            throw new IllegalArgumentException(pattern, e);
        }
    }
}
