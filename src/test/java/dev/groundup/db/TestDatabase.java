package dev.groundup.db;

import java.util.UUID;

/** The databases the data layer's tests run against; a parameterized test class runs on each. */
public enum TestDatabase {
    /** A fresh in-memory database for each call. */
    H2 {
        @Override
        public String url() {
            return "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        }
    },
    /** This run's own database on the local server (see {@link TestPostgres}); tests clean up after themselves. */
    POSTGRESQL {
        @Override
        public String url() {
            return TestPostgres.url();
        }
    };

    public abstract String url();
}
