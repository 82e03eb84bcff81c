package dev.groundup.metrics;

import dev.groundup.Config;
import dev.groundup.db.Database;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code GET /metrics} in the Prometheus text format, when turned on: requests by method, route
 * template and status class; the JVM's memory, GC, threads; the database pool; and, in the
 * launcher, Jetty's threads and connections; in a WAR, the container's (see ContainerMetrics). Off by default: then nothing here runs at all.
 */
public final class Metrics implements AutoCloseable {
    /** A registry the launcher made (with Jetty's meters in it) for the application to use. */
    public static final String REGISTRY_ATTRIBUTE = Metrics.class.getName() + ".registry";
    public static final String PATH = "/metrics";
    public static final String FILTER = "metrics";
    /** The {@link RequestTimers}, for the launcher's fast path, which stands in for the filter on files. */
    public static final String TIMERS_ATTRIBUTE = RequestTimers.class.getName();

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;

    private Metrics(PrometheusMeterRegistry registry, JvmGcMetrics gc) {
        this.registry = registry;
        this.gc = gc;
    }

    /** Installs the request timer and {@code /metrics} if {@code config} turns them on; null if not. */
    public static Metrics install(ServletContext context, Config config, Database database) {
        if (!config.metrics()) {
            return null;
        }
        PrometheusMeterRegistry registry;
        if (context.getAttribute(REGISTRY_ATTRIBUTE) instanceof PrometheusMeterRegistry given) {
            registry = given;
        } else {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new ContainerMetrics().bindTo(registry); // a WAR: the container's pool, through JMX
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        database.bindMetrics(registry);

        RequestTimers timers = new RequestTimers(registry);
        context.setAttribute(TIMERS_ATTRIBUTE, timers);
        FilterRegistration.Dynamic filter = context.addFilter(FILTER, new RequestMetrics(timers));
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");

        ServletRegistration.Dynamic servlet = context.addServlet("metrics",
                new MetricsEndpoint(registry, config.metricsToken()));
        Set<String> taken = servlet.addMapping(PATH);
        if (!taken.isEmpty()) {
            throw new IllegalStateException(PATH + " is already mapped to another servlet");
        }
        return new Metrics(registry, gc);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
