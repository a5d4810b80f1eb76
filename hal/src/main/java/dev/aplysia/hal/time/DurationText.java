package dev.aplysia.hal.time;

/**
 * Durations as written in board config and scenario files: a non-negative integer followed by a unit, {@code ns},
 * {@code us}, {@code ms} or {@code s}, with no space between: {@code 250us}, {@code 10ms}, {@code 2s}.
 */
public final class DurationText {

    private static final String[] UNITS = {"ns", "us", "ms", "s"};
    private static final long[] NANOS_PER_UNIT = {1L, 1_000L, 1_000_000L, 1_000_000_000L};

    private DurationText() {
    }

    /**
     * The duration in nanoseconds.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static long parseNanos(String text) {
        for (int i = 0; i < UNITS.length; i++) {
            if (text.endsWith(UNITS[i]) && isDigits(text, text.length() - UNITS[i].length())) {
                return scaled(text, text.substring(0, text.length() - UNITS[i].length()), NANOS_PER_UNIT[i]);
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration; expected digits then ns, us, ms or s"
                + " (e.g. 10ms)");
    }

    private static boolean isDigits(String text, int end) {
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static long scaled(String text, String digits, long nanosPerUnit) {
        try {
            return Math.multiplyExact(Long.parseLong(digits), nanosPerUnit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("duration '" + text + "' is too long", e);
        }
    }
}
