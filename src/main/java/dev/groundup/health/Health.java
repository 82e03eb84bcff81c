package dev.groundup.health;

import dev.groundup.routing.Routes;
import dev.groundup.db.Database;

/**
 * {@code GET /health} for load balancers and orchestrators: 200 while this instance can serve,
 * that is, while its database answers; 503 when it does not, so traffic goes to another instance.
 */
public final class Health {
    private Health() {
    }

    public static Routes routes(Database database) {
        HealthCheck check = new HealthCheck(database);
        return new Routes(Routes.JSON).get("/health", check::handle);
    }
}
