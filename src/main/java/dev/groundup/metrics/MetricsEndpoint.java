package dev.groundup.metrics;

import dev.groundup.errors.Errors;
import dev.groundup.errors.Problem;
import dev.groundup.http.Responses;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: the registry in the Prometheus text format, for loopback clients only,
 * or for any client with the bearer token when one is set.
 */
final class MetricsEndpoint extends HttpServlet {
    /** Prometheus' text exposition format 0.0.4, which every scraper reads. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final transient PrometheusMeterRegistry registry;
    private final transient byte[] expectedAuthorization;

    MetricsEndpoint(PrometheusMeterRegistry registry, String token) {
        this.registry = registry;
        this.expectedAuthorization = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (expectedAuthorization != null) {
            String given = request.getHeader("Authorization");
            // Constant time: how much of a guess was right is not to be learned from the clock.
            if (given == null || !MessageDigest.isEqual(expectedAuthorization, given.getBytes(StandardCharsets.US_ASCII))) {
                Errors.send(request, response, new Problem(HttpServletResponse.SC_UNAUTHORIZED,
                        "Metrics need the bearer token (Authorization: Bearer ...).")
                        .header("WWW-Authenticate", "Bearer realm=\"metrics\""));
                return;
            }
        } else if (!loopback(request.getRemoteAddr())) {
            Errors.send(request, response, HttpServletResponse.SC_FORBIDDEN,
                    "Metrics answer clients on this machine only, unless a metrics token is set.");
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        Responses.send(request, response, HttpServletResponse.SC_OK, CONTENT_TYPE,
                registry.scrape().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
