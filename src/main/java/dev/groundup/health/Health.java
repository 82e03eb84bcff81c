package dev.groundup.health;

import dev.groundup.routing.Routes;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /health} for load balancers and orchestrators: 200 while this instance can serve,
 * that is, while its database answers; 503 when it does not, so traffic goes to another instance.
 */
public final class Health {
    private Health() {
    }

    public static Routes routes(Jdbi jdbi) {
        HealthCheck check = new HealthCheck(jdbi);
        return new Routes(Routes.JSON).get("/health", check::handle);
    }
}
