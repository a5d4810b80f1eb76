package dev.aplysia.device.core;

import dev.aplysia.device.model.Factor;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.Term;
import dev.aplysia.device.model.TraceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Random networks for differential tests: an input population {@code in} projecting into a LIF population
 * {@code out} ({@code in-out}) under a random rule of random terms on every gate, with random shapes, weight
 * resolutions, clocked or event-driven traces of either pairing mode, and sometimes winner-take-all.
 */
public final class RandomSpecs {

    private static final Factor[] SPIKE_SIDE_FACTORS = {Factor.PRE_TRACE, Factor.POST_TRACE, Factor.PRE_SPIKE,
        Factor.POST_SPIKE, Factor.MODULATOR, Factor.MODULATOR_ON, Factor.MODULATOR_DEVIATION};
    private static final Factor[] SYNAPSE_FACTORS = {Factor.WEIGHT, Factor.WEIGHT_HEADROOM, Factor.WEIGHT_FLOOR};

    private RandomSpecs() {
    }

    /**
     * A random network named after {@code seed}. With {@code everything}, the rule may also consolidate, normalise
     * weight sums, and run modulator-gated terms on synapse factors (paths the vector kernels leave to the
     * interpreter, which a port must still match).
     */
    public static NetworkSpec network(SplittableRandom random, long seed, boolean everything) {
        return network(random, seed, everything, 40, 30);
    }

    /** {@link #network(SplittableRandom, long, boolean)} with at most {@code maxPre} inputs and {@code maxPost} neurons. */
    public static NetworkSpec network(SplittableRandom random, long seed, boolean everything, int maxPre, int maxPost) {
        int pre = 1 + random.nextInt(maxPre);
        int post = 1 + random.nextInt(maxPost);
        TraceSpec preTrace = trace(random);
        TraceSpec postTrace = trace(random);
        NeuronSpec neuron = NeuronSpec.lif(0.5 + 0.5 * random.nextDouble(), 0.2 + random.nextDouble(), 0,
                random.nextInt(3));
        int winners = random.nextInt(4) == 0 ? 1 + random.nextInt(post) : 0;
        int fraction = 8 + random.nextInt(7);
        PlasticityRule rule = rule(random);
        if (everything) {
            rule = withEverything(random, rule);
        }
        ProjectionSpec projection = new ProjectionSpec("in-out", "in", "out", -1, 1, -0.5, 1, rule, fraction);
        return NetworkSpec.builder("differential-" + seed)
                .population(PopulationSpec.input("in", pre, preTrace))
                .population(PopulationSpec.neurons("out", post, neuron, winners, postTrace))
                .projection(projection).seed(seed).build();
    }

    private static TraceSpec trace(SplittableRandom random) {
        TraceSpec.Mode mode = random.nextBoolean() ? TraceSpec.Mode.ADD : TraceSpec.Mode.SET;
        TraceSpec trace = new TraceSpec(0.5 + 0.49 * random.nextDouble(), 0.25 + random.nextDouble(), mode);
        return random.nextBoolean() ? trace.asEventDriven() : trace;
    }

    private static PlasticityRule rule(SplittableRandom random) {
        List<Term> weightTerms = terms(random, 1 + random.nextInt(4));
        List<Term> eligibilityTerms = random.nextInt(3) == 0 ? terms(random, 1 + random.nextInt(3)) : List.of();
        if (!eligibilityTerms.isEmpty() && random.nextBoolean()) {
            weightTerms = new ArrayList<>(weightTerms);
            weightTerms.add(Term.of(random.nextDouble() - 0.5, Factor.ELIGIBILITY, Factor.MODULATOR_DEVIATION));
        }
        return new PlasticityRule("random", weightTerms, eligibilityTerms, List.of(), 0.5 + 0.5 * random.nextDouble(),
                0, random.nextInt(5), 0, random.nextBoolean());
    }

    /** The rule, sometimes with consolidation, weight-sum normalisation and a modulator-gated synapse term. */
    private static PlasticityRule withEverything(SplittableRandom random, PlasticityRule rule) {
        PlasticityRule result = rule;
        if (random.nextBoolean()) {
            List<Term> weightTerms = new ArrayList<>(result.weightTerms());
            weightTerms.add(Term.of(0.05 * (random.nextDouble() - 0.5), Factor.MODULATOR_ON, Factor.POST_TRACE,
                    SYNAPSE_FACTORS[random.nextInt(SYNAPSE_FACTORS.length)]));
            result = new PlasticityRule(result.name(), weightTerms, result.eligibilityTerms(),
                    result.consolidationTerms(), result.eligibilityDecay(), result.maxConsolidation(),
                    result.baselineShift(), result.weightSumTarget(), result.stochasticRounding());
        }
        if (random.nextInt(3) == 0) {
            result = result.withConsolidation(List.of(Term.of(0.01 + 0.1 * random.nextDouble(), Factor.MODULATOR,
                    Factor.POST_TRACE), Term.of(-0.05, Factor.MODULATOR, Factor.POST_TRACE, Factor.CONSOLIDATION)),
                    0.2 + 0.7 * random.nextDouble());
        }
        if (random.nextInt(3) == 0) {
            result = result.withWeightSum(0.5 + 4 * random.nextDouble());
        }
        return result;
    }

    /** Terms gated on spikes mostly (the kernels' business), with now and then a synapse factor (interpreter). */
    private static List<Term> terms(SplittableRandom random, int count) {
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
