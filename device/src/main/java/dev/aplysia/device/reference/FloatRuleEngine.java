package dev.aplysia.device.reference;

import dev.aplysia.device.model.Factor;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.Term;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The float twin of {@link dev.aplysia.device.plasticity.RuleEngine}: evaluates the same {@link PlasticityRule} data on
 * one synapse at a time, in the same order (eligibility, weight, consolidation), with exact products instead of Q15
 * multiplies, no rounding of {@code dw} (neither stochastic nor to nearest), no saturation of eligibility or the
 * modulator, and an exact baseline average. Weights stay clamped to {@code [wMin, wMax]} and consolidation to
 * {@code [0, maxConsolidation]}, as the rule says.
 */
public final class FloatRuleEngine {

    private static final int GATES = Term.Gate.values().length;

    private final int pre;
    private final int post;
    private final double[] weights;
    private final double[] eligibility;
    private final double[] consolidation;
    private final double wMin;
    private final double wMax;
    private final double eligibilityDecay;
    private final double maxConsolidation;
    private final int baselineShift;
    private final double weightSum;
    private final FloatTerms[] weightTerms = new FloatTerms[GATES];
    private final FloatTerms[] eligibilityTerms = new FloatTerms[GATES];
    private final FloatTerms[] consolidationTerms = new FloatTerms[GATES];
    private final boolean[] active = new boolean[GATES];
    private final boolean readsDeviation;
    private double modulator;
    private double baseline;

    FloatRuleEngine(ProjectionSpec spec, int pre, int post) {
        PlasticityRule rule = spec.rule();
        this.pre = pre;
        this.post = post;
        this.weights = new double[pre * post];
        this.eligibility = rule.hasEligibility() ? new double[pre * post] : null;
        this.consolidation = rule.hasConsolidation() ? new double[pre * post] : null;
        this.wMin = spec.wMin();
        this.wMax = spec.wMax();
        this.eligibilityDecay = rule.eligibilityDecay();
        this.maxConsolidation = rule.maxConsolidation();
        this.baselineShift = rule.baselineShift();
        this.weightSum = rule.weightSumTarget();
        compile(rule.weightTerms(), weightTerms);
        compile(rule.eligibilityTerms(), eligibilityTerms);
        compile(rule.consolidationTerms(), consolidationTerms);
        this.readsDeviation = Stream.of(rule.weightTerms(), rule.eligibilityTerms(), rule.consolidationTerms())
                .flatMap(List::stream).anyMatch(t -> t.factors().contains(Factor.MODULATOR_DEVIATION));
    }

    private void compile(List<Term> terms, FloatTerms[] byGate) {
        for (Term.Gate gate : Term.Gate.values()) {
            List<Term> gated = terms.stream().filter(t -> t.gate() == gate).toList();
            byGate[gate.ordinal()] = new FloatTerms(gated);
            active[gate.ordinal()] |= !gated.isEmpty();
        }
    }

    /** True if some term runs on this gate. */
    public boolean hasTerms(Term.Gate gate) {
        return active[gate.ordinal()];
    }

    /** True if the modulator-gated terms can be non-zero this tick. */
    public boolean modulatorActive() {
        return modulator != 0 || (readsDeviation && modulator != baseline);
    }

    /** Sets the broadcast neuromodulator, real units. */
    public void setModulator(double value) {
        modulator = value;
    }

    /** Moves the reward-prediction baseline toward the modulator: {@code b += (m - b) / 2^shift}. */
    public void updateBaseline() {
        if (baselineShift > 0) {
            baseline += (modulator - baseline) / (1 << baselineShift);
        }
    }

    /** The reward-prediction baseline, real units. */
    public double baseline() {
        return baseline;
    }

    void setBaseline(double value) {
        baseline = value;
    }

    /** Leaks every eligibility trace by one tick. */
    public void decayEligibility() {
        if (eligibility != null) {
            for (int s = 0; s < eligibility.length; s++) {
                eligibility[s] *= eligibilityDecay;
            }
        }
    }

    /** Applies every term of {@code gate} to synapse {@code s}; returns true if the weight changed. */
    public boolean update(Term.Gate gate, int s, double preTrace, int preSpike, double postTrace, int postSpike) {
        int g = gate.ordinal();
        if (eligibility != null && eligibilityTerms[g].size() > 0) {
            eligibility[s] += eligibilityTerms[g].sum(this, s, preTrace, preSpike, postTrace, postSpike);
        }
        boolean changed = false;
        if (weightTerms[g].size() > 0) {
            changed = applyWeight(s, weightTerms[g].sum(this, s, preTrace, preSpike, postTrace, postSpike));
        }
        if (consolidation != null && consolidationTerms[g].size() > 0) {
            double sum = consolidationTerms[g].sum(this, s, preTrace, preSpike, postTrace, postSpike);
            consolidation[s] = clamp(consolidation[s] + sum, 0, maxConsolidation);
        }
        return changed;
    }

    private boolean applyWeight(int s, double sum) {
        if (sum == 0) {
            return false;
        }
        double dw = consolidation == null ? sum : sum * (1 - consolidation[s]);
        double next = clamp(weights[s] + dw, wMin, wMax);
        boolean changed = next != weights[s];
        weights[s] = next;
        return changed;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /** The real value of {@code factor} for synapse {@code s}. */
    double factor(Factor factor, int s, double preTrace, int preSpike, double postTrace, int postSpike) {
        return switch (factor) {
            case PRE_SPIKE -> preSpike;
            case POST_SPIKE -> postSpike;
            case PRE_TRACE -> preTrace;
            case POST_TRACE -> postTrace;
            case WEIGHT -> weights[s];
            case WEIGHT_HEADROOM -> wMax - weights[s];
            case WEIGHT_FLOOR -> weights[s] - wMin;
            case ELIGIBILITY -> eligibility[s];
            case CONSOLIDATION -> consolidation[s];
            case MODULATOR -> modulator;
            case MODULATOR_DEVIATION -> modulator - baseline;
            case MODULATOR_ON -> modulator != 0 ? 1 : 0;
        };
    }

    /** Rescales the incoming weights of postsynaptic neuron {@code j} to sum to the rule's target (if positive). */
    public void normalise(int j) {
        if (weightSum == 0) {
            return;
        }
        double sum = 0;
        for (int i = 0; i < pre; i++) {
            sum += weights[i * post + j];
        }
        if (sum <= 0) {
            return;
        }
        double scale = weightSum / sum;
        for (int i = 0; i < pre; i++) {
            int s = i * post + j;
            weights[s] = clamp(weights[s] * scale, wMin, wMax);
        }
    }

    /** True if the rule normalises weight sums. */
    public boolean normalises() {
        return weightSum != 0;
    }

    /** The weights, row-major {@code [pre][post]}, real units. */
    double[] weights() {
        return weights;
    }

    /** Eligibility of synapse {@code s} (0 when the rule has none). */
    public double eligibility(int s) {
        return eligibility == null ? 0 : eligibility[s];
    }

    /** Consolidation of synapse {@code s} (0 when the rule has none). */
    public double consolidation(int s) {
        return consolidation == null ? 0 : consolidation[s];
    }

    /** Sets a weight (clamped to the bounds). */
    public void setWeight(int s, double value) {
        weights[s] = clamp(value, wMin, wMax);
    }

    /** Sets a consolidation level (clamped); ignored when the rule has none. */
    public void setConsolidation(int s, double value) {
        if (consolidation != null) {
            consolidation[s] = clamp(value, 0, maxConsolidation);
        }
    }

    /** Clears eligibility traces. */
    public void resetEligibility() {
        if (eligibility != null) {
            Arrays.fill(eligibility, 0);
        }
    }
}
