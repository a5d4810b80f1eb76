package dev.aplysia.host.fleet;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.Scenario;
import dev.aplysia.hal.sim.ScenarioResult;
import dev.aplysia.hal.sim.ScenarioRunner;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario played over and over, a slice of time at a time, so that one thread can drive many devices: the steps
 * between two {@code advance} lines are played at once by the board's {@link ScenarioRunner}, and the time of each
 * {@code advance} is handed out in slices. Counts the expectations checked and failed. One thread only.
 */
final class ScenarioLoop {

    /** The steps played at one instant, then the time that passes before the next instant. */
    private record Segment(Scenario instant, long advanceNanos) {
    }

    private final List<Segment> segments;
    private int next;
    private long left;
    private long expectations;
    private long failures;
    private ScenarioResult.Failure firstFailure;

    private ScenarioLoop(List<Segment> segments) {
        this.segments = segments;
    }

    /**
     * {@code scenario} cut at its {@code advance} lines.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} if it never advances time (looping it would never end)
     */
    static ScenarioLoop of(Scenario scenario) throws HalException {
        List<Segment> segments = new ArrayList<>();
        List<Scenario.Step> instant = new ArrayList<>();
        long total = 0;
        for (Scenario.Step step : scenario.steps()) {
            if (step instanceof Scenario.Advance advance) {
                segments.add(new Segment(new Scenario(scenario.source(), instant), advance.nanos()));
                total += advance.nanos();
                instant = new ArrayList<>();
            } else {
                instant.add(step);
            }
        }
        if (total == 0) {
            throw new HalException(ErrorKind.INVALID_CONFIG, scenario.source() + ": the scenario never advances time,"
                    + " so a fleet cannot loop it; add an 'advance' line");
        }
        if (!instant.isEmpty()) {
            segments.add(new Segment(new Scenario(scenario.source(), instant), 0));
        }
        return new ScenarioLoop(List.copyOf(segments));
    }

    /** Plays the next {@code nanos} of the loop: its steps through {@code runner}, its time through {@code time}. */
    void play(long nanos, ScenarioRunner runner, TimeTarget time) throws HalException {
        long remaining = nanos;
        while (remaining > 0) {
            if (left == 0) {
                Segment segment = segments.get(next);
                next = (next + 1) % segments.size();
                record(runner.run(segment.instant()));
                left = segment.advanceNanos();
                continue;
            }
            long slice = Math.min(left, remaining);
            time.advance(slice);
            left -= slice;
            remaining -= slice;
        }
    }

    private void record(ScenarioResult result) {
        expectations += result.expectations();
        failures += result.failures().size();
        if (firstFailure == null && !result.passed()) {
            firstFailure = result.failures().get(0);
        }
    }

    /** Expectations checked so far. */
    long expectations() {
        return expectations;
    }

    /** Expectations not met so far. */
    long failures() {
        return failures;
    }

    /** The first expectation not met, or null. */
    ScenarioResult.Failure firstFailure() {
        return firstFailure;
    }

    /** Where the loop's time goes. */
    @FunctionalInterface
    interface TimeTarget {
        /** Lets {@code nanos} of board time pass. */
        void advance(long nanos);
    }
}
