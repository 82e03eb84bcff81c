package dev.groundup.techempower;

import dev.groundup.routing.Routes;

/**
 * The TechEmpower Framework Benchmarks' plaintext and JSON test types, served by the same
 * router, filters and container as everything else, so that measuring them measures the app.
 */
public final class TechEmpower {
    private TechEmpower() {
    }

    public static Routes routes() {
        TestTypes tests = new TestTypes();
        return new Routes(Routes.TEXT)
                .get("/plaintext", tests::plaintext)
                .get("/json", Routes.JSON, tests::json);
    }
}
