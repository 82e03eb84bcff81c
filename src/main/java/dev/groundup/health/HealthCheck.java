package dev.groundup.health;

import dev.groundup.routing.Exchange;
import dev.groundup.db.Database;
import java.io.IOException;
import java.time.Duration;

/** Asks the database the smallest question there is, and says whether it answered. */
final class HealthCheck {
    /** A load balancer gives up after a few seconds; answer before it does, whatever the pool waits for. */
    private static final Duration BOUND = Duration.ofSeconds(2);

    /** The body: {@code {"status":"up","database":"up"}}, or both {@code down}, or both {@code starting}. */
    record Status(String status, String database) {
        static final Status UP = new Status("up", "up");
        static final Status DOWN = new Status("down", "down");
        static final Status STARTING = new Status("starting", "starting");
    }

    private final Database database;

    HealthCheck(Database database) {
        this.database = database;
    }

    void handle(Exchange ex) throws IOException {
        ex.header("Cache-Control", "no-store");
        if (database.isOpening()) {
            // Files are served already, the database routes not yet: no traffic from the load balancer.
            ex.json(503, Status.STARTING);
        } else if (database.answersWithin(BOUND)) {
            ex.json(200, Status.UP);
        } else {
            ex.json(503, Status.DOWN);
        }
    }
}
