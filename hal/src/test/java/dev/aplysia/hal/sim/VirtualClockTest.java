package dev.aplysia.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aplysia.hal.time.Clock;
import dev.aplysia.hal.time.ClockContract;
import dev.aplysia.hal.time.Pacer;
import dev.aplysia.hal.time.SystemClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualClockTest extends ClockContract {

    private static final long MS = 1_000_000L;

    private VirtualClock clock;

    @Override
    protected Clock createClock() {
        clock = VirtualClock.unpaced();
        return clock;
    }

    @Override
    protected Pacer pacer() {
        return clock;
    }

    /** A real clock under the test's control that records where it was asked to sleep until. */
    private static final class ScriptedRealTime implements Clock, Pacer {
        long now = 5 * MS;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void sleepUntil(long deadlineNanos) {
            sleeps.add(deadlineNanos);
            now = Math.max(now, deadlineNanos);
        }
    }

    @Test
    void startsAtZero() {
        assertEquals(0, VirtualClock.unpaced().nanos());
    }

    @Test
    void advanceMovesTimeByExactlyThatMuch() {
        VirtualClock time = VirtualClock.unpaced();
        time.advance(10 * MS);
        time.advance(250);
        assertEquals(10 * MS + 250, time.nanos());
    }

    @Test
    void advanceToNeverMovesBack() {
        VirtualClock time = VirtualClock.unpaced();
        time.advance(10 * MS);
        time.advanceTo(3 * MS);
        assertEquals(10 * MS, time.nanos());
    }

    @Test
    void spendingWorkMovesTimeByItAndSaysSo() {
        VirtualClock time = VirtualClock.unpaced();
        time.advance(MS);
        assertEquals(300_000, time.spend(300_000));
        assertEquals(MS + 300_000, time.nanos());
    }

    @Test
    void aRealClockLetsSpentWorkPassByItself() {
        assertEquals(0, SystemClock.INSTANCE.spend(5 * MS));
    }

    @Test
    void sleepUntilJumpsStraightToTheDeadline() {
        VirtualClock time = VirtualClock.unpaced();
        time.sleepUntil(7 * MS);
        assertEquals(7 * MS, time.nanos());
    }

    @Test
    void advancingByANegativeAmountIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> VirtualClock.unpaced().advance(-1));
    }

    @Test
    void pacedAtRealSpeedWaitsUntilRealTimeHasPassedAsMuch() {
        ScriptedRealTime real = new ScriptedRealTime();
        VirtualClock time = VirtualClock.paced(real, real, 100);
        time.advance(10 * MS);
        time.advance(10 * MS);
        assertEquals(List.of(15 * MS, 25 * MS), real.sleeps);
    }

    @Test
    void pacedAtTwiceRealSpeedWaitsHalfAsLong() {
        ScriptedRealTime real = new ScriptedRealTime();
        VirtualClock.paced(real, real, 200).advance(10 * MS);
        assertEquals(List.of(10 * MS), real.sleeps);
    }

    @Test
    void pacedAtHalfRealSpeedWaitsTwiceAsLong() {
        ScriptedRealTime real = new ScriptedRealTime();
        VirtualClock.paced(real, real, 50).advance(10 * MS);
        assertEquals(List.of(25 * MS), real.sleeps);
    }

    @Test
    void fallingBehindRestartsPacingInsteadOfRushingToCatchUp() {
        ScriptedRealTime real = new ScriptedRealTime();
        VirtualClock time = VirtualClock.paced(real, real, 100);
        real.now += 50 * MS;
        time.advance(10 * MS);
        time.advance(10 * MS);
        assertEquals(List.of(65 * MS), real.sleeps);
    }

    @Test
    void aSpeedBelowOnePercentIsRejected() {
        ScriptedRealTime real = new ScriptedRealTime();
        assertThrows(IllegalArgumentException.class, () -> VirtualClock.paced(real, real, 0));
    }
}
