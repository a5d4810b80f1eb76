package dev.aplysia.device.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.TraceSpec;
import org.junit.jupiter.api.Test;

class TraceTest {

    /** The trace of one input neuron that spikes on the ticks marked true, after each tick. */
    private static long[] traceOf(TraceSpec trace, boolean learning, boolean... spikes) {
        Network network = Network.build(NetworkSpec.builder("trace")
                .population(PopulationSpec.input("in", 1, trace)).build(), McuProfile.RP2040);
        network.setLearning(learning);
        long[] values = new long[spikes.length];
        for (int t = 0; t < spikes.length; t++) {
            network.population("in").spikes().clear();
            if (spikes[t]) {
                network.population("in").spikes().set(0);
            }
            network.step();
            values[t] = network.population("in").trace(0);
        }
        return values;
    }

    private static long[] raw(double... reals) {
        long[] values = new long[reals.length];
        for (int k = 0; k < reals.length; k++) {
            values[k] = TraceSpec.FORMAT.toRaw(reals[k]);
        }
        return values;
    }

    @Test
    void addTraceSumsDecayedSpikes() {
        assertArrayEquals(raw(1, 1.5, 0.75, 1.375),
                traceOf(new TraceSpec(0.5, 1, TraceSpec.Mode.ADD), true, true, true, false, true));
    }

    @Test
    void setTraceKeepsOnlyTheNearestSpike() {
        assertArrayEquals(raw(1, 1, 0.5, 1),
                traceOf(new TraceSpec(0.5, 1, TraceSpec.Mode.SET), true, true, true, false, true));
    }

    @Test
    void counterTraceCountsSpikesInStepsOfItsIncrement() {
        assertArrayEquals(raw(0.125, 0.125, 0.25, 0.375),
                traceOf(TraceSpec.counter(0.125), true, true, false, true, true));
    }

    @Test
    void tracesKeepRunningWhileLearningIsFrozen() {
        assertArrayEquals(raw(1, 1.5, 0.75, 1.375),
                traceOf(new TraceSpec(0.5, 1, TraceSpec.Mode.ADD), false, true, true, false, true));
    }

    /** Spikes at ticks 1, 2, 4 and every 37th tick up to 2000: sparse enough that reads span many ticks. */
    private static boolean[] sparseTrain() {
        boolean[] spikes = new boolean[2000];
        spikes[0] = true;
        spikes[1] = true;
        spikes[3] = true;
        for (int t = 36; t < spikes.length; t += 37) {
            spikes[t] = true;
        }
        return spikes;
    }

    /**
     * The event-driven trace equals the exact exponential of its spike train within its rounding: each read
     * truncates less than one Q7.24 step, and each spike stores a truncated value that then decays, so the errors of
     * spikes 37 ticks apart add up to less than {@code 1 + 1 / (1 - decay^37)} steps.
     */
    @Test
    void anEventDrivenTraceFollowsTheExactExponential() {
        double decay = Math.exp(-0.1 / 20);
        boolean[] spikes = sparseTrain();
        long[] values = traceOf(new TraceSpec(decay, 1, TraceSpec.Mode.ADD).asEventDriven(), true, spikes);
        double exact = 0;
        double worst = 0;
        for (int t = 0; t < spikes.length; t++) {
            exact = exact * decay + (spikes[t] ? 1 : 0);
            worst = Math.max(worst, Math.abs(values[t] - exact * (1 << 24)));
        }
        double bound = 1 + 1 / (1 - Math.pow(decay, 37));
        org.junit.jupiter.api.Assertions.assertTrue(worst <= bound, "worst error " + worst + " steps, bound " + bound);
    }

    /** Clocked and event-driven traces are two roundings of one equation: within a few steps of each other. */
    @Test
    void eventDrivenAndClockedTracesAgreeWithinTheirRounding() {
        double decay = Math.exp(-1.0 / 20);
        boolean[] spikes = sparseTrain();
        long[] clocked = traceOf(new TraceSpec(decay, 1, TraceSpec.Mode.ADD), true, spikes);
        long[] events = traceOf(new TraceSpec(decay, 1, TraceSpec.Mode.ADD).asEventDriven(), true, spikes);
        for (int t = 0; t < spikes.length; t++) {
            // the clocked Q16 decay is off by up to 2^-17 relative per tick, so it drifts by up to ~20/2^17 of x
            org.junit.jupiter.api.Assertions.assertEquals(clocked[t], events[t], 400 + 2e-4 * Math.abs(clocked[t]),
                    "tick " + t);
        }
    }

    @Test
    void anEventDrivenTraceReadsZeroFromItsHorizonOn() {
        double decay = 0.5;
        int horizon = TraceSpec.horizonTicks(decay);
        boolean[] spikes = new boolean[horizon + 3];
        spikes[0] = true;
        long[] values = traceOf(new TraceSpec(decay, 100, TraceSpec.Mode.ADD).asEventDriven(), true, spikes);
        org.junit.jupiter.api.Assertions.assertTrue(values[horizon - 27] > 0, "still positive before the horizon");
        org.junit.jupiter.api.Assertions.assertEquals(0, values[horizon]);
        org.junit.jupiter.api.Assertions.assertEquals(0, values[horizon + 2]);
    }

    /** Past the periodic sweep the stored tick of a long-silent trace is renewed, and a new spike starts afresh. */
    @Test
    void aTraceSilentAcrossTheSweepStartsAfreshOnItsNextSpike() {
        boolean[] spikes = new boolean[Traces.SWEEP_TICKS + 10];
        spikes[0] = true;
        spikes[Traces.SWEEP_TICKS + 5] = true;
        long[] values = traceOf(new TraceSpec(0.9, 1, TraceSpec.Mode.ADD).asEventDriven(), true, spikes);
        org.junit.jupiter.api.Assertions.assertEquals(TraceSpec.FORMAT.toRaw(1), values[Traces.SWEEP_TICKS + 5]);
    }

    @Test
    void anEventDrivenTraceNeedsADecayBelowOne() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TraceSpec.counter(1).asEventDriven());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("decay 1.0"), e.getMessage());
    }
}
