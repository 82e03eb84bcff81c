package dev.groundup.metrics;

import dev.groundup.routing.Routing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Times every request into {@code http_server_requests_seconds} by method, route and status
 * class. The route is the template the router matched ({@code /api/todos/{id}}), {@code files}
 * for the default servlet, else the servlet's mapping: a bounded set, never the raw path, so a
 * scanner's thousand random paths add no series.
 */
final class RequestMetrics implements Filter {
    static final String NAME = "http.server.requests";
    static final String FILES = "files";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** Histogram buckets from 1 ms to 10 s: what a dashboard's latency panel needs, no more. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10)};

    private record Key(String method, String route, int statusClass) {
    }

    private final MeterRegistry registry;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        HttpServletRequest http = (HttpServletRequest) request;
        // Now, before an error dispatch changes it.
        HttpServletMapping mapping = http.getHttpServletMapping();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        record(http, mapping, (HttpServletResponse) response, start);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                        event.getAsyncContext().addListener(this);
                    }
                });
            } else {
                record(http, mapping, (HttpServletResponse) response, start);
            }
        }
    }

    private void record(HttpServletRequest request, HttpServletMapping mapping, HttpServletResponse response,
                        long start) {
        String method = request.getMethod();
        Key key = new Key(METHODS.contains(method) ? method : "other", route(request, mapping),
                response.getStatus() / 100);
        timers.computeIfAbsent(key, this::timer).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static String route(HttpServletRequest request, HttpServletMapping mapping) {
        if (request.getAttribute(Routing.ROUTE_ATTRIBUTE) instanceof String template) {
            return template;
        }
        if (mapping == null) {
            return "other";
        }
        if ("default".equals(mapping.getServletName())) {
            return FILES;
        }
        return mapping.getPattern().isEmpty() ? "/" : mapping.getPattern();
    }

    private Timer timer(Key key) {
        return Timer.builder(NAME)
                .description("requests answered, by method, route template and status class")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", key.statusClass() + "xx")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
