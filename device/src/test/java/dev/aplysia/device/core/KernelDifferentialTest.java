package dev.aplysia.device.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.TraceSpec;
import dev.aplysia.device.persist.SnapshotCodec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The optimised kernels against the reference interpreter, with tolerance 0: random networks ({@link RandomSpecs}),
 * random input spikes and modulator; after every tick the whole state (the snapshot's bytes) must be identical.
 */
class KernelDifferentialTest {

    private static final int SPECS = 300;
    private static final int TICKS = 120;

    @Test
    void optimisedKernelsMatchTheReferenceBitForBitOnRandomSpecsAndInputs() {
        int vectorGates = 0;
        int sparseSweeps = 0;
        for (int seed = 1; seed <= SPECS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            NetworkSpec spec = RandomSpecs.network(random, seed, false);
            Network reference = Network.build(spec, McuProfile.PI_NATIVE, Kernels.REFERENCE);
            Network optimised = Network.build(spec, McuProfile.PI_NATIVE, Kernels.OPTIMISED);
            String kernels = optimised.projection("in-out").kernels();
            vectorGates += kernels.split("vector", -1).length - 1;
            sparseSweeps += kernels.contains("sparse") ? 1 : 0;
            double spikeChance = 0.05 + 0.9 * random.nextDouble();
            for (int t = 0; t < TICKS; t++) {
                drive(reference, optimised, random, spikeChance);
                assertArrayEquals(SnapshotCodec.encode(reference), SnapshotCodec.encode(optimised),
                        "spec " + seed + " (" + spec.projections().get(0).rule() + ", " + kernels + ") tick " + t);
            }
        }
        System.out.println("kernel differential: " + SPECS + " random specs x " + TICKS + " ticks, " + vectorGates
                + " spike gates on a vector kernel, " + sparseSweeps + " sparse modulator sweeps");
        assertTrue(vectorGates >= SPECS / 2, "only " + vectorGates + " gates ran a vector kernel: the test would"
                + " barely exercise them");
        assertTrue(sparseSweeps >= SPECS / 20, "only " + sparseSweeps + " sparse sweeps");
    }

    @Test
    void eachRuleGetsTheKernelsItsTermsAllow() {
        assertEquals("pre-spike: post-vector, post-spike: pre-vector, modulator: reference",
                kernelsOf(PlasticityRule.stdpAdditive(0.01, -0.0105)));
        assertEquals("pre-spike: reference, post-spike: reference, modulator: reference",
                kernelsOf(PlasticityRule.stdpMultiplicative(0.01, -0.0105)));
        assertEquals("pre-spike: post-vector, post-spike: pre-vector, modulator: sparse",
                kernelsOf(PlasticityRule.threeFactor(0.01, -0.0105, 0.9, 0.5, 4)));
        assertEquals("pre-spike: reference, post-spike: reference, modulator: reference",
                kernelsOf(PlasticityRule.stdpAdditive(0.01, -0.0105).withWeightSum(1)));
    }

    /** Event-driven traces, tracked eligibility rows and kernels all survive a snapshot: the run goes on bit for bit. */
    @Test
    void aRestoredNetworkContinuesBitForBitOnRandomSpecs() throws Exception {
        for (int seed = 1; seed <= 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            NetworkSpec spec = RandomSpecs.network(random, seed, false);
            Network original = Network.build(spec, McuProfile.PI_NATIVE);
            Network discarded = Network.build(spec, McuProfile.PI_NATIVE);
            double spikeChance = 0.05 + 0.9 * random.nextDouble();
            for (int t = 0; t < 60; t++) {
                drive(original, discarded, random, spikeChance);
            }
            Network restored = Network.build(spec, McuProfile.PI_NATIVE);
            SnapshotCodec.decode(restored, SnapshotCodec.encode(original));
            for (int t = 0; t < 60; t++) {
                drive(original, restored, random, spikeChance);
                assertArrayEquals(SnapshotCodec.encode(original), SnapshotCodec.encode(restored),
                        "spec " + seed + " tick " + t + " after the restore");
            }
        }
    }

    private static String kernelsOf(PlasticityRule rule) {
        TraceSpec trace = TraceSpec.exponential(20, 1);
        return Network.build(NetworkSpec.builder("k").population(PopulationSpec.input("in", 3, trace))
                .population(PopulationSpec.neurons("out", 2, NeuronSpec.lif(0.9, 1, 0, 0), 0, trace))
                .projection(new ProjectionSpec("in-out", "in", "out", 0, 1, 0, 1, rule)).build(),
                McuProfile.PI_NATIVE).projection("in-out").kernels();
    }

    private static void drive(Network a, Network b, SplittableRandom random, double spikeChance) {
        Population inA = a.population("in");
        Population inB = b.population("in");
        inA.spikes().clear();
        inB.spikes().clear();
        for (int i = 0; i < inA.size(); i++) {
            if (random.nextDouble() < spikeChance) {
                inA.spikes().set(i);
                inB.spikes().set(i);
            }
        }
        if (random.nextInt(10) == 0) {
            double modulator = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 4 - 2;
            a.setModulator(modulator);
            b.setModulator(modulator);
        }
        a.step();
        b.step();
    }
}
