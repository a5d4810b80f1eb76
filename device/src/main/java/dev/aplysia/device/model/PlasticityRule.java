package dev.aplysia.device.model;

import static dev.aplysia.device.model.Factor.CONSOLIDATION;
import static dev.aplysia.device.model.Factor.ELIGIBILITY;
import static dev.aplysia.device.model.Factor.MODULATOR;
import static dev.aplysia.device.model.Factor.MODULATOR_DEVIATION;
import static dev.aplysia.device.model.Factor.MODULATOR_ON;
import static dev.aplysia.device.model.Factor.POST_SPIKE;
import static dev.aplysia.device.model.Factor.POST_TRACE;
import static dev.aplysia.device.model.Factor.PRE_SPIKE;
import static dev.aplysia.device.model.Factor.PRE_TRACE;
import static dev.aplysia.device.model.Factor.WEIGHT;
import static dev.aplysia.device.model.Factor.WEIGHT_FLOOR;
import static dev.aplysia.device.model.Factor.WEIGHT_HEADROOM;

import java.util.List;

/**
 * A local learning rule as data: sums of products of named {@link Factor}s, one sum per plastic variable.
 * <pre>
 *   e  = leak(e, eligibilityDecay) + sum(eligibility terms)                      per synapse, per tick
 *   dw = sum(weight terms) * (1 - c)                                             rounded to one weight step
 *   c  = clamp(c + sum(consolidation terms), 0, maxConsolidation)                after dw
 *   b  = b + (m - b) / 2^baselineShift                                           once per tick
 * </pre>
 * {@code c} is consolidation: a consolidated synapse takes only {@code (1 - c)} of every later update.
 * {@code b} is the reward-prediction baseline read by {@link Factor#MODULATOR_DEVIATION}. After the weight update,
 * if {@code weightSumTarget > 0}, every postsynaptic neuron whose weights changed has its incoming weights rescaled
 * to sum to that target (weight-sum normalisation).
 *
 * @param name               for reports
 * @param weightTerms        terms of dw
 * @param eligibilityTerms   terms added to the eligibility trace (empty: no eligibility state is allocated)
 * @param consolidationTerms terms of dc (empty: no consolidation state is allocated)
 * @param eligibilityDecay   eligibility multiplier per tick, in [0, 1]
 * @param maxConsolidation   upper bound of c, in [0, 1)
 * @param baselineShift      baseline averaging shift, 1..15 (0: no baseline, the deviation equals the modulator)
 * @param weightSumTarget    target of the incoming weight sum per postsynaptic neuron, or 0 for none
 * @param stochasticRounding round dw stochastically (seeded) instead of to nearest
 */
public record PlasticityRule(String name, List<Term> weightTerms, List<Term> eligibilityTerms,
                             List<Term> consolidationTerms, double eligibilityDecay, double maxConsolidation,
                             int baselineShift, double weightSumTarget, boolean stochasticRounding) {

    /** No learning. */
    public static final PlasticityRule NONE = new PlasticityRule("none", List.of(), List.of(), List.of(), 1, 0, 0, 0,
            false);

    public PlasticityRule {
        weightTerms = List.copyOf(weightTerms);
        eligibilityTerms = List.copyOf(eligibilityTerms);
        consolidationTerms = List.copyOf(consolidationTerms);
        if (!(eligibilityDecay >= 0 && eligibilityDecay <= 1)) {
            throw new IllegalArgumentException(name + ": eligibilityDecay must be in [0, 1]");
        }
        if (!(maxConsolidation >= 0 && maxConsolidation < 1)) {
            throw new IllegalArgumentException(name + ": maxConsolidation must be in [0, 1)");
        }
        if (baselineShift < 0 || baselineShift > 15) {
            throw new IllegalArgumentException(name + ": baselineShift must be in 0..15");
        }
        if (weightSumTarget < 0) {
            throw new IllegalArgumentException(name + ": weightSumTarget must be >= 0");
        }
    }

    /** True if this rule never changes anything. */
    public boolean isStatic() {
        return weightTerms.isEmpty() && consolidationTerms.isEmpty();
    }

    /** True if synapses need an eligibility trace. */
    public boolean hasEligibility() {
        return !eligibilityTerms.isEmpty();
    }

    /** True if synapses need a consolidation level. */
    public boolean hasConsolidation() {
        return !consolidationTerms.isEmpty();
    }

    /** Pair STDP, additive: potentiation {@code aPlus * preTrace} on a post spike, {@code aMinus * postTrace} on a pre spike. */
    public static PlasticityRule stdpAdditive(double aPlus, double aMinus) {
        return weightOnly("stdp-additive", List.of(Term.of(aPlus, POST_SPIKE, PRE_TRACE),
                Term.of(aMinus, PRE_SPIKE, POST_TRACE)));
    }

    /**
     * Pair STDP with multiplicative (soft-bound) weight dependence: potentiation scales with {@code wMax - w},
     * depression with {@code w - wMin}; {@code aMinus} is negative.
     */
    public static PlasticityRule stdpMultiplicative(double aPlus, double aMinus) {
        return weightOnly("stdp-multiplicative", List.of(Term.of(aPlus, POST_SPIKE, PRE_TRACE, WEIGHT_HEADROOM),
                Term.of(aMinus, PRE_SPIKE, POST_TRACE, WEIGHT_FLOOR)));
    }

    /** Oja's rule on traces: {@code dw = eta * y * (x - y * w)}, applied on each postsynaptic spike. */
    public static PlasticityRule oja(double eta) {
        return weightOnly("oja", List.of(Term.of(eta, POST_SPIKE, PRE_TRACE, POST_TRACE),
                Term.of(-eta, POST_SPIKE, POST_TRACE, POST_TRACE, WEIGHT)));
    }

    /** Hebbian potentiation {@code eta * x * y} on postsynaptic spikes, kept bounded by weight-sum normalisation. */
    public static PlasticityRule hebbianNormalised(double eta, double weightSum) {
        return new PlasticityRule("hebbian-normalised", List.of(Term.of(eta, POST_SPIKE, PRE_TRACE, POST_TRACE)),
                List.of(), List.of(), 1, 0, 0, weightSum, true);
    }

    /**
     * Three-factor learning: the eligibility trace accumulates pre/post coincidences
     * ({@code aPlus * preTrace} on post spikes, {@code aMinus * postTrace} on pre spikes) and decays; the weight moves
     * by {@code eta * e * (m - baseline)}. A constant modulator is predicted by the baseline and stops moving weights.
     */
    public static PlasticityRule threeFactor(double aPlus, double aMinus, double eligibilityDecay, double eta,
                                             int baselineShift) {
        return new PlasticityRule("three-factor", List.of(Term.of(eta, ELIGIBILITY, MODULATOR_DEVIATION)),
                List.of(Term.of(aPlus, POST_SPIKE, PRE_TRACE), Term.of(aMinus, PRE_SPIKE, POST_TRACE)), List.of(),
                eligibilityDecay, 0, baselineShift, 0, true);
    }

    /**
     * Gated instar with significance-graded consolidation: while the modulator is on, a postsynaptic neuron that
     * fired pulls its weights toward its input ({@code dw = eta * y * (x - w) * (1 - c)}), and the synapse consolidates
     * in proportion to the modulator ({@code dc = kappa * m * y * (1 - c)}, up to {@code maxConsolidation}). The first
     * event imprints the input; a significant one (large {@code m}) also protects it at once, where a neutral one
     * protects it a step at a time.
     */
    public static PlasticityRule consolidatingInstar(double eta, double kappa, double maxConsolidation) {
        return new PlasticityRule("consolidating-instar",
                List.of(Term.of(eta, MODULATOR_ON, POST_TRACE, PRE_TRACE),
                        Term.of(-eta, MODULATOR_ON, POST_TRACE, WEIGHT)),
                List.of(),
                List.of(Term.of(kappa, MODULATOR, POST_TRACE), Term.of(-kappa, MODULATOR, POST_TRACE, CONSOLIDATION)),
                1, maxConsolidation, 0, 0, true);
    }

    /**
     * Modulated instar: the winner moves toward its input at a rate set by the modulator,
     * {@code dw = eta * m * y * (x - w)}. With {@code eta = 1}, a modulator of 1 imprints the input on a fresh neuron
     * and a smaller one refines an old neuron; a learner that knows nothing of synapses chooses the rate with one
     * broadcast scalar, and no synapse needs a consolidation level of its own.
     */
    public static PlasticityRule modulatedInstar(double eta) {
        return weightOnly("modulated-instar", List.of(Term.of(eta, MODULATOR, POST_TRACE, PRE_TRACE),
                Term.of(-eta, MODULATOR, POST_TRACE, WEIGHT)));
    }

    /**
     * Gated outstar: while the modulator is on, a presynaptic neuron that fired pulls its outgoing weights toward the
     * postsynaptic activity ({@code dw = eta * x * (y - w)}); with a teacher driving the postsynaptic neuron, the
     * weight learns how often the presynaptic feature goes with each taught class.
     */
    public static PlasticityRule outstar(double eta) {
        return weightOnly("outstar", List.of(Term.of(eta, MODULATOR_ON, PRE_TRACE, POST_TRACE),
                Term.of(-eta, MODULATOR_ON, PRE_TRACE, WEIGHT)));
    }

    /** A rule made only of weight terms, rounded stochastically. */
    public static PlasticityRule weightOnly(String name, List<Term> terms) {
        return new PlasticityRule(name, terms, List.of(), List.of(), 1, 0, 0, 0, true);
    }

    /** This rule with another rounding mode. */
    public PlasticityRule withStochasticRounding(boolean stochastic) {
        return new PlasticityRule(name, weightTerms, eligibilityTerms, consolidationTerms, eligibilityDecay,
                maxConsolidation, baselineShift, weightSumTarget, stochastic);
    }

    /** This rule with consolidation terms and bound. */
    public PlasticityRule withConsolidation(List<Term> terms, double max) {
        return new PlasticityRule(name, weightTerms, eligibilityTerms, terms, eligibilityDecay, max, baselineShift,
                weightSumTarget, stochasticRounding);
    }

    /** This rule with weight-sum normalisation to {@code target}. */
    public PlasticityRule withWeightSum(double target) {
        return new PlasticityRule(name, weightTerms, eligibilityTerms, consolidationTerms, eligibilityDecay,
                maxConsolidation, baselineShift, target, stochasticRounding);
    }
}
