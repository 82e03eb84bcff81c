package dev.groundup.bench;

import dev.groundup.routing.Routes;

/**
 * The TechEmpower Framework Benchmarks' plaintext and JSON test types, served by the same
 * router, filters and container as everything else, so that measuring them measures the app.
 */
public final class Bench {
    private Bench() {
    }

    public static Routes routes() {
        TechEmpower tests = new TechEmpower();
        return new Routes(Routes.TEXT)
                .get("/plaintext", tests::plaintext)
                .get("/json", Routes.JSON, tests::json);
    }
}
