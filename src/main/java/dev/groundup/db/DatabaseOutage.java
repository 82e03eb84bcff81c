package dev.groundup.db;

import dev.groundup.errors.ExceptionMapper;
import dev.groundup.errors.Problem;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A database that does not answer is an outage, not a bug: 503 with Retry-After, so the client
 * may retry, as the load balancer's {@code /health} says too. What counts as one is {@link Outages}'s
 * one classification.
 */
public final class DatabaseOutage implements ExceptionMapper {

    @Override
    public Problem problemFor(Exception failure) {
        if (!Outages.isOutage(failure)) {
            return null;
        }
        return new Problem(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The database is not answering; try again shortly.")
                .header("Retry-After", Outages.RETRY_AFTER_SECONDS);
    }
}
