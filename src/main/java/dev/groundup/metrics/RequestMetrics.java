package dev.groundup.metrics;

import dev.groundup.routing.Routing;
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

/**
 * Times every request into {@code http_server_requests_seconds} by method, route and status
 * class. The route is the template the router matched ({@code /api/todos/{id:long}}), {@code files}
 * for the default servlet, else the servlet's mapping: a bounded set, never the raw path, so a
 * scanner's thousand random paths add no series.
 */
final class RequestMetrics implements Filter {
    private final RequestTimers timers;

    RequestMetrics(RequestTimers timers) {
        this.timers = timers;
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
        timers.record(request.getMethod(), route(request, mapping), response.getStatus(), System.nanoTime() - start);
    }

    private static String route(HttpServletRequest request, HttpServletMapping mapping) {
        if (request.getAttribute(Routing.ROUTE_ATTRIBUTE) instanceof String template) {
            return template;
        }
        if (mapping == null) {
            return "other";
        }
        if ("default".equals(mapping.getServletName())) {
            return RequestTimers.FILES;
        }
        return mapping.getPattern().isEmpty() ? "/" : mapping.getPattern();
    }
}
