package dev.groundup;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says at the end of a test run, one line per reason, why tests did not run (no Chromium, no
 * PostgreSQL, ...), so a skip shows on the console of {@code mvn verify} and not only in the report
 * files. Loaded by the JUnit Platform from META-INF/services, in Surefire's and Failsafe's runs alike.
 */
public final class SkipSummary implements TestExecutionListener {
    private final Map<String, Integer> reasons = new LinkedHashMap<>();
    private final PrintStream out;

    /** As the platform loads it: the summary goes to standard output, which the build shows. */
    public SkipSummary() {
        this(System.out);
    }

    SkipSummary(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
        count(reason);
    }

    /** An assumption that failed (Assumptions.abort, assumeTrue) ends a test or a whole class as ABORTED. */
    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            count(result.getThrowable().map(Throwable::getMessage).orElse(null));
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        reasons.forEach((reason, times) -> out.println(
                "[SKIPPED] " + times + (times == 1 ? " test or class: " : " tests or classes: ") + reason));
        reasons.clear();
    }

    private void count(String reason) {
        String line = reason == null || reason.isBlank() ? "(no reason given)" : reason.strip().lines().findFirst().orElse("");
        reasons.merge(line, 1, Integer::sum);
    }
}
