package dev.aplysia.hal.trace;

/** A header for hand-written test traces. */
final class TestTraces {

    /** The header the hand-written traces carry. */
    static final TraceHeader HEADER = new TraceHeader("test", 1, "0123456789abcdef");

    private TestTraces() {
    }

    /** {@code entries} after the {@link #HEADER} line: entry lines start on line 2. */
    static String headed(String entries) {
        return HEADER.line() + "\n" + entries;
    }
}
