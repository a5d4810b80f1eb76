package dev.aplysia.hal.time;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Clock} with its {@link Pacer} does; each implementation's test extends this. */
public abstract class ClockContract {

    private static final long SHORT_WAIT_NANOS = 200_000L;

    private Clock clock;
    private Pacer pacer;

    /** A fresh clock. */
    protected abstract Clock createClock() throws Exception;

    /** The pacer that waits on the clock created last. */
    protected abstract Pacer pacer();

    @BeforeEach
    void openClock() throws Exception {
        clock = createClock();
        pacer = pacer();
    }

    @Test
    void neverGoesBack() {
        long first = clock.nanos();
        pacer.sleepUntil(first + SHORT_WAIT_NANOS);
        assertTrue(clock.nanos() >= first);
    }

    @Test
    void coarserUnitsAreTheSameTimeRoundedDown() {
        long micros = clock.micros();
        long millis = clock.millis();
        long nanos = clock.nanos();
        assertTrue(micros * 1_000L <= nanos);
        assertTrue(millis * 1_000_000L <= nanos);
    }

    @Test
    void sleepUntilReturnsAtOrAfterTheDeadline() {
        long deadline = clock.nanos() + SHORT_WAIT_NANOS;
        pacer.sleepUntil(deadline);
        assertTrue(clock.nanos() >= deadline);
    }

    @Test
    void sleepUntilAPastDeadlineReturnsAtOnce() {
        long now = clock.nanos();
        pacer.sleepUntil(now - 1);
        assertTrue(clock.nanos() >= now);
    }
}
