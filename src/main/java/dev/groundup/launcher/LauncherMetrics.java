package dev.groundup.launcher;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Arrays;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** What only the launcher can see: Jetty's thread pool and its open connections. */
final class LauncherMetrics {
    private LauncherMetrics() {
    }

    static PrometheusMeterRegistry registry(QueuedThreadPool threads, Server server) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Gauge.builder("jetty.threads", threads, QueuedThreadPool::getThreads)
                .description("threads in the pool").register(registry);
        Gauge.builder("jetty.threads.busy", threads, QueuedThreadPool::getBusyThreads)
                .description("threads running a job").register(registry);
        Gauge.builder("jetty.threads.max", threads, QueuedThreadPool::getMaxThreads)
                .description("the pool's limit").register(registry);
        Gauge.builder("jetty.threads.queued", threads, QueuedThreadPool::getQueueSize)
                .description("jobs waiting for a thread").register(registry);
        // Plain and HTTPS together, each counted where it is read (a connector added later counts too).
        Gauge.builder("jetty.connections.open", server, s -> Arrays.stream(s.getConnectors())
                        .mapToInt(c -> c.getConnectedEndPoints().size()).sum())
                .description("open client connections").register(registry);
        return registry;
    }
}
