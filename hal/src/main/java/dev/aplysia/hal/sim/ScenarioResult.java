package dev.aplysia.hal.sim;

import dev.aplysia.hal.SourceText;
import java.util.List;

/**
 * The outcome of a scenario run.
 *
 * @param source       the scenario's name
 * @param expectations how many expectations were checked
 * @param failures     the unmet ones, in order
 */
public record ScenarioResult(String source, int expectations, List<Failure> failures) {

    /** An unmet expectation: what line {@code line} expected of {@code channel}, and the value it had. */
    public record Failure(String source, int line, String channel, String expected, int actual) {

        @Override
        public String toString() {
            return SourceText.where(source, line) + " expected " + channel + " " + expected + ", was " + actual;
        }
    }

    /** A result with an immutable copy of {@code failures}. */
    public ScenarioResult {
        failures = List.copyOf(failures);
    }

    /** Whether every expectation was met. */
    public boolean passed() {
        return failures.isEmpty();
    }

    @Override
    public String toString() {
        if (passed()) {
            return source + ": " + expectations + " expectations met";
        }
        StringBuilder text = new StringBuilder(source).append(": ").append(failures.size()).append(" of ")
                .append(expectations).append(" expectations unmet");
        failures.forEach(failure -> text.append(System.lineSeparator()).append("  ").append(failure));
        return text.toString();
    }
}
