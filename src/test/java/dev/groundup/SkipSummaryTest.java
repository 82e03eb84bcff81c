package dev.groundup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class SkipSummaryTest {

    @Test
    void saysOnceWhyTestsDidNotRunOneLinePerReason() {
        assertThat(summaryOf(Skipping.class).lines()).containsExactly(
                "[SKIPPED] 2 tests or classes: PostgreSQL at 127.0.0.1:5432 is not usable",
                "[SKIPPED] 1 test or class: Assumption failed: chromium is not installed",
                "[SKIPPED] 1 test or class: not today");
    }

    @Test
    void saysNothingWhenEverythingRan() {
        assertThat(summaryOf(Running.class)).isEmpty();
    }

    /** What the summary prints after running {@code tests} in a launcher of its own, without the listeners from META-INF/services. */
    private static String summaryOf(Class<?> tests) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        var launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(tests)).build(),
                new SkipSummary(new PrintStream(console, true, StandardCharsets.UTF_8)));
        return console.toString(StandardCharsets.UTF_8);
    }

    /** Not a test of its own (nested, so Surefire leaves it alone): run only by the launcher above. */
    static class Skipping {
        @Test
        void needsPostgresql() {
            Assumptions.abort("PostgreSQL at 127.0.0.1:5432 is not usable");
        }

        @Test
        void needsPostgresqlToo() {
            Assumptions.abort("PostgreSQL at 127.0.0.1:5432 is not usable");
        }

        @Test
        void needsChromium() {
            Assumptions.assumeTrue(false, "chromium is not installed");
        }

        @Test
        @Disabled("not today")
        void disabled() {
        }

        @Test
        void runs() {
        }
    }

    static class Running {
        @Test
        void runs() {
        }
    }
}
