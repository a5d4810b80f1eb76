package dev.aplysia.hal.time;

/**
 * A monotonic clock in nanoseconds from an arbitrary origin: only differences between readings mean anything. Reading
 * never fails and allocates nothing.
 */
public interface Clock {

    /** Nanoseconds since the clock's origin; never decreases. */
    long nanos();

    /** {@link #nanos()} in whole microseconds, rounded down. */
    default long micros() {
        return nanos() / 1_000L;
    }

    /** {@link #nanos()} in whole milliseconds, rounded down. */
    default long millis() {
        return nanos() / 1_000_000L;
    }
}
