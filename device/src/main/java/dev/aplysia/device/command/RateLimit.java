package dev.aplysia.device.command;

import dev.aplysia.hal.time.Clock;

/**
 * At most {@code perMinute} admissions at once, then one every {@code 60 s / perMinute}: a token bucket holding
 * {@code perMinute} tokens, full at start, refilled at {@code perMinute} a minute. Kept as the time at which the
 * bucket would be full again (the generic cell rate algorithm), so it needs no refill thread and no floating point.
 * Thread-safe.
 */
public final class RateLimit {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final long intervalNanos;
    private final long burstNanos;
    private final Clock clock;
    private long fullAt;

    /**
     * A full bucket of {@code perMinute} tokens, timed by {@code clock}.
     *
     * @throws IllegalArgumentException unless {@code perMinute} is at least 1
     */
    public RateLimit(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 a minute, got " + perMinute);
        }
        this.perMinute = perMinute;
        this.intervalNanos = MINUTE_NANOS / perMinute;
        this.burstNanos = (perMinute - 1) * intervalNanos;
        this.clock = clock;
        this.fullAt = clock.nanos();
    }

    /**
     * Takes a token if there is one.
     *
     * @return 0 if taken; otherwise the nanoseconds until one will be there, nothing taken
     */
    public synchronized long take() {
        long now = clock.nanos();
        long earliest = fullAt - burstNanos;
        if (now < earliest) {
            return earliest - now;
        }
        fullAt = Math.max(fullAt, now) + intervalNanos;
        return 0;
    }

    /** Tokens the full bucket holds, and tokens added a minute. */
    public int perMinute() {
        return perMinute;
    }
}
