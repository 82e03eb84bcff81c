package dev.groundup.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds} by method, route and status class: what {@link RequestMetrics}
 * records for the application, and the launcher's fast path for the files it answers itself.
 */
public final class RequestTimers {
    static final String NAME = "http.server.requests";
    /** The route of every static file: one series, whatever the file. */
    public static final String FILES = "files";
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

    RequestTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One request of {@code method} on {@code route} answered {@code status} after {@code nanos}. */
    public void record(String method, String route, int status, long nanos) {
        Key key = new Key(METHODS.contains(method) ? method : "other", route, status / 100);
        timers.computeIfAbsent(key, this::timer).record(nanos, TimeUnit.NANOSECONDS);
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
