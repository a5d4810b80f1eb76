package dev.aplysia.device.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.Factor;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.Term;
import dev.aplysia.device.model.TraceSpec;
import dev.aplysia.device.persist.SnapshotCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The optimised kernels against the reference interpreter, with tolerance 0: random rules (random terms of random
 * factors on every gate, with and without eligibility, rounding to nearest or stochastic, random weight resolutions),
 * random shapes, clocked and event-driven traces, random input spikes and modulator; after every tick the whole
 * state (the snapshot's bytes) must be identical.
 */
class KernelDifferentialTest {

    private static final Factor[] SPIKE_SIDE_FACTORS = {Factor.PRE_TRACE, Factor.POST_TRACE, Factor.PRE_SPIKE,
        Factor.POST_SPIKE, Factor.MODULATOR, Factor.MODULATOR_ON, Factor.MODULATOR_DEVIATION};
    private static final Factor[] SYNAPSE_FACTORS = {Factor.WEIGHT, Factor.WEIGHT_HEADROOM, Factor.WEIGHT_FLOOR};

    private static final int SPECS = 300;
    private static final int TICKS = 120;

    @Test
    void optimisedKernelsMatchTheReferenceBitForBitOnRandomSpecsAndInputs() {
        int vectorGates = 0;
        int sparseSweeps = 0;
        for (int seed = 1; seed <= SPECS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            NetworkSpec spec = randomSpec(random, seed);
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
            NetworkSpec spec = randomSpec(random, seed);
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

    private static NetworkSpec randomSpec(SplittableRandom random, long seed) {
        int pre = 1 + random.nextInt(40);
        int post = 1 + random.nextInt(30);
        TraceSpec preTrace = randomTrace(random);
        TraceSpec postTrace = randomTrace(random);
        NeuronSpec neuron = NeuronSpec.lif(0.5 + 0.5 * random.nextDouble(), 0.2 + random.nextDouble(), 0,
                random.nextInt(3));
        int winners = random.nextInt(4) == 0 ? 1 + random.nextInt(post) : 0;
        int fraction = 8 + random.nextInt(7);
        ProjectionSpec projection = new ProjectionSpec("in-out", "in", "out", -1, 1, -0.5, 1, randomRule(random),
                fraction);
        return NetworkSpec.builder("differential-" + seed)
                .population(PopulationSpec.input("in", pre, preTrace))
                .population(PopulationSpec.neurons("out", post, neuron, winners, postTrace))
                .projection(projection).seed(seed).build();
    }

    private static TraceSpec randomTrace(SplittableRandom random) {
        TraceSpec.Mode mode = random.nextBoolean() ? TraceSpec.Mode.ADD : TraceSpec.Mode.SET;
        TraceSpec trace = new TraceSpec(0.5 + 0.49 * random.nextDouble(), 0.25 + random.nextDouble(), mode);
        return random.nextBoolean() ? trace.asEventDriven() : trace;
    }

    private static PlasticityRule randomRule(SplittableRandom random) {
        List<Term> weightTerms = randomTerms(random, 1 + random.nextInt(4));
        List<Term> eligibilityTerms = random.nextInt(3) == 0 ? randomTerms(random, 1 + random.nextInt(3)) : List.of();
        if (!eligibilityTerms.isEmpty() && random.nextBoolean()) {
            weightTerms = new ArrayList<>(weightTerms);
            weightTerms.add(Term.of(random.nextDouble() - 0.5, Factor.ELIGIBILITY, Factor.MODULATOR_DEVIATION));
        }
        return new PlasticityRule("random", weightTerms, eligibilityTerms, List.of(), 0.5 + 0.5 * random.nextDouble(),
                0, random.nextInt(5), 0, random.nextBoolean());
    }

    /** Terms gated on spikes mostly (the kernels' business), with now and then a synapse factor (interpreter). */
    private static List<Term> randomTerms(SplittableRandom random, int count) {
        return IntStream.range(0, count).mapToObj(k -> {
            List<Factor> factors = new ArrayList<>();
            factors.add(random.nextBoolean() ? Factor.PRE_SPIKE : Factor.POST_SPIKE);
            int more = random.nextInt(3);
            for (int f = 0; f < more; f++) {
                factors.add(SPIKE_SIDE_FACTORS[random.nextInt(SPIKE_SIDE_FACTORS.length)]);
            }
            if (random.nextInt(6) == 0) {
                factors.add(SYNAPSE_FACTORS[random.nextInt(SYNAPSE_FACTORS.length)]);
            }
            double scale = random.nextInt(4) == 0 ? 0.3 : 0.02;
            return new Term(scale * (random.nextDouble() * 2 - 1), factors);
        }).toList();
    }
}
