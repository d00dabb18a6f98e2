package io.hubkit.core.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/**
 * Collects the dynamic tests of one vector section, named after the vector entries; a skipped
 * case becomes an aborted test that shows its reason in the report.
 */
final class VectorCases {

    private final String section;
    private final List<DynamicTest> tests = new ArrayList<>();

    VectorCases(String section) {
        this.section = section;
    }

    void add(String name, VectorSkips.Part part, String displayName, Executable body) {
        String reason = VectorSkips.reason(section, name, part);
        if (reason == null) {
            tests.add(DynamicTest.dynamicTest(displayName, () -> named(displayName, body)));
        } else {
            tests.add(DynamicTest.dynamicTest(displayName + " [skipped]", () -> Assumptions.abort(reason)));
        }
    }

    /** Runs {@code body}, putting the case's name in front of any failure (reports show only indexes). */
    private static void named(String displayName, Executable body) throws Throwable {
        try {
            body.execute();
        } catch (AssertionError e) {
            AssertionError named = new AssertionError(displayName + ": " + e.getMessage(), e);
            named.setStackTrace(e.getStackTrace());
            throw named;
        } catch (RuntimeException e) {
            throw new IllegalStateException(displayName + ": " + e, e);
        }
    }

    Stream<DynamicTest> stream() {
        return tests.stream();
    }
}
