package dev.groundup.health;

import dev.groundup.routing.Exchange;
import java.io.IOException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the database the smallest question there is, and says whether it answered. */
final class HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);
    /** A load balancer gives up after a few seconds; answer before it does. */
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    /** The body: {@code {"status":"up","database":"up"}} or both {@code down}. */
    record Status(String status, String database) {
        static final Status UP = new Status("up", "up");
        static final Status DOWN = new Status("down", "down");
    }

    private final Jdbi jdbi;

    HealthCheck(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void handle(Exchange ex) throws IOException {
        ex.header("Cache-Control", "no-store");
        try {
            jdbi.withHandle(handle -> handle.createQuery("SELECT 1")
                    .setQueryTimeout(QUERY_TIMEOUT_SECONDS).mapTo(Integer.class).one());
        } catch (RuntimeException e) {
            LOG.warn("health check: the database did not answer: {}", e.toString());
            ex.json(503, Status.DOWN);
            return;
        }
        ex.json(200, Status.UP);
    }
}
