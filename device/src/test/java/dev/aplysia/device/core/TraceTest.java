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
}
