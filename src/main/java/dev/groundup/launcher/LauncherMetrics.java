package dev.groundup.launcher;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** What only the launcher can see: Jetty's thread pool and its open connections. */
final class LauncherMetrics {
    private LauncherMetrics() {
    }

    static PrometheusMeterRegistry registry(QueuedThreadPool threads, ServerConnector connector) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Gauge.builder("jetty.threads", threads, QueuedThreadPool::getThreads)
                .description("threads in the pool").register(registry);
        Gauge.builder("jetty.threads.busy", threads, QueuedThreadPool::getBusyThreads)
                .description("threads running a job").register(registry);
        Gauge.builder("jetty.threads.max", threads, QueuedThreadPool::getMaxThreads)
                .description("the pool's limit").register(registry);
        Gauge.builder("jetty.threads.queued", threads, QueuedThreadPool::getQueueSize)
                .description("jobs waiting for a thread").register(registry);
        Gauge.builder("jetty.connections.open", connector, c -> c.getConnectedEndPoints().size())
                .description("open client connections").register(registry);
        return registry;
    }
}
