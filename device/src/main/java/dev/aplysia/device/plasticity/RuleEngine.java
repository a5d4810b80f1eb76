package dev.aplysia.device.plasticity;

import dev.aplysia.device.fixed.Fx;
import dev.aplysia.device.fixed.Overflow;
import dev.aplysia.device.fixed.CounterRandom;
import dev.aplysia.device.fixed.QFormat;
import dev.aplysia.device.model.Factor;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.Term;
import dev.aplysia.device.model.TraceSpec;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The fixed-point engine of one projection's plasticity: it owns the synapses' plastic state (weights, eligibility,
 * consolidation) and evaluates a {@link PlasticityRule} on one synapse at a time, from that synapse's state, its pre-
 * and postsynaptic trace and spike, and the broadcast neuromodulator, and nothing else.
 *
 * <p>Formats: weights {@link ProjectionSpec#weightFormat()}; eligibility {@link #ELIGIBILITY}; consolidation
 * {@link #CONSOLIDATION}; modulator and baseline {@link #MODULATOR}. A term is evaluated as its coefficient, held with
 * 16 bits more precision than its target, multiplied by each factor as a Q15 value with rounding to nearest after
 * each product; the term sum is scaled by {@code (1 - c)} for weights, then rounded to the target's step
 * (stochastically if the rule asks, else to nearest) and saturated to the target's bounds. A stochastic rounding of
 * synapse {@code s} on a gate draws index {@code s} of the {@link CounterRandom.Stream#ROUNDING} key of the tick and
 * that gate ({@link #lane}), so the result does not depend on the order in which synapses are visited.
 */
public final class RuleEngine {

    /** Eligibility format: Q3.12 in a short, saturating. */
    public static final QFormat ELIGIBILITY = new QFormat("eligibility", 16, 12, Overflow.SATURATE);
    /** Consolidation format: Q0.15 in a short, 0 (plastic) .. maxConsolidation. */
    public static final QFormat CONSOLIDATION = new QFormat("consolidation", 16, 15, Overflow.SATURATE);
    /** Neuromodulator format: Q2.15 in 18 bits of an int, saturating (range [-4, 4)). */
    public static final QFormat MODULATOR = new QFormat("modulator", 18, 15, Overflow.SATURATE);

    /** Fraction bits a term sum carries beyond its target's, until the final rounding. */
    public static final int EXTRA_BITS = 16;
    private static final int EXTRA = EXTRA_BITS;
    private static final Term.Gate[] ALL_GATES = Term.Gate.values();
    private static final int GATES = ALL_GATES.length;

    private final PlasticityRule rule;
    private final int pre;
    private final int post;
    private final short[] weights;
    private final short[] eligibility;
    private final short[] consolidation;
    private final int weightToQ15;
    private final int weightStorageBits;
    private final int wMin;
    private final int wMax;
    private final int eligibilityDecay;
    private final int maxConsolidation;
    private final int baselineShift;
    private final int weightSum;
    private final boolean stochastic;
    private final CounterRandom random;
    private final int[] roundingKey = new int[GATES];
    private long[] liveRows;
    private final CompiledTerms[] weightTerms = new CompiledTerms[GATES];
    private final CompiledTerms[] eligibilityTerms = new CompiledTerms[GATES];
    private final CompiledTerms[] consolidationTerms = new CompiledTerms[GATES];
    private final int[] termCounts = new int[GATES];
    private final boolean[] active = new boolean[GATES];
    private final boolean readsDeviation;
    private final boolean[] needsPre = new boolean[GATES];
    private final boolean[] needsPost = new boolean[GATES];
    private int modulator;
    private int baseline;

    /** Allocates the plastic state of a {@code pre x post} projection; weights start as {@code initial}. */
    public RuleEngine(ProjectionSpec spec, int pre, int post, short[] initial, CounterRandom random) {
        this.rule = spec.rule();
        QFormat w = spec.weightFormat();
        this.weightToQ15 = 15 - w.fraction();
        this.weightStorageBits = spec.weightStorageBits();
        this.pre = pre;
        this.post = post;
        this.weights = initial;
        this.eligibility = rule.hasEligibility() ? new short[pre * post] : null;
        this.consolidation = rule.hasConsolidation() ? new short[pre * post] : null;
        this.wMin = (int) w.toRaw(spec.wMin());
        this.wMax = (int) w.toRaw(spec.wMax());
        this.eligibilityDecay = Fx.decayQ16(rule.eligibilityDecay());
        this.maxConsolidation = (int) CONSOLIDATION.toRaw(rule.maxConsolidation());
        this.baselineShift = rule.baselineShift();
        this.weightSum = rule.weightSumTarget() > 0 ? (int) Math.min(Integer.MAX_VALUE,
                Fx.toFixed(rule.weightSumTarget(), w.fraction())) : 0;
        this.stochastic = rule.stochasticRounding();
        this.random = random;
        compile(rule.weightTerms(), w.fraction(), weightTerms);
        compile(rule.eligibilityTerms(), ELIGIBILITY.fraction(), eligibilityTerms);
        compile(rule.consolidationTerms(), CONSOLIDATION.fraction(), consolidationTerms);
        Stream.of(rule.weightTerms(), rule.eligibilityTerms(), rule.consolidationTerms()).flatMap(List::stream)
                .forEach(t -> termCounts[t.gate().ordinal()]++);
        this.readsDeviation = readsDeviation(rule);
        for (Term.Gate gate : Term.Gate.values()) {
            needsPre[gate.ordinal()] = everyTermHas(rule, gate, Factor.PRE_TRACE, Factor.PRE_SPIKE);
            needsPost[gate.ordinal()] = everyTermHas(rule, gate, Factor.POST_TRACE, Factor.POST_SPIKE);
        }
        requireState(rule, Factor.ELIGIBILITY, rule.hasEligibility());
        requireState(rule, Factor.CONSOLIDATION, rule.hasConsolidation());
    }

    private static boolean everyTermHas(PlasticityRule rule, Term.Gate gate, Factor trace, Factor spike) {
        return Stream.of(rule.weightTerms(), rule.eligibilityTerms(), rule.consolidationTerms())
                .flatMap(List::stream).filter(t -> t.gate() == gate)
                .allMatch(t -> t.factors().contains(trace) || t.factors().contains(spike));
    }

    /**
     * True if every term of {@code gate} multiplies the presynaptic trace or spike, so a synapse whose presynaptic
     * neuron has a zero trace and no spike can be skipped: its terms are all zero.
     */
    public boolean needsPreActivity(Term.Gate gate) {
        return needsPre[gate.ordinal()];
    }

    /** Like {@link #needsPreActivity} for the postsynaptic neuron. */
    public boolean needsPostActivity(Term.Gate gate) {
        return needsPost[gate.ordinal()];
    }

    private static void requireState(PlasticityRule rule, Factor factor, boolean present) {
        boolean read = Stream.of(rule.weightTerms(), rule.eligibilityTerms(),
                rule.consolidationTerms()).flatMap(List::stream).anyMatch(t -> t.factors().contains(factor));
        if (read && !present) {
            throw new IllegalArgumentException("rule " + rule.name() + " reads " + factor
                    + " but has no terms that update it");
        }
    }

    private static boolean readsDeviation(PlasticityRule rule) {
        return Stream.of(rule.weightTerms(), rule.eligibilityTerms(), rule.consolidationTerms())
                .flatMap(List::stream).anyMatch(t -> t.factors().contains(Factor.MODULATOR_DEVIATION));
    }

    private void compile(List<Term> terms, int targetFraction, CompiledTerms[] byGate) {
        for (Term.Gate gate : Term.Gate.values()) {
            List<Term> gated = terms.stream().filter(t -> t.gate() == gate).toList();
            byGate[gate.ordinal()] = new CompiledTerms(gated, targetFraction + EXTRA);
            active[gate.ordinal()] |= !gated.isEmpty();
        }
    }

    /**
     * True if {@code gate}'s terms can run as a vector kernel: the rule keeps no consolidation and does not normalise,
     * no term on the gate targets consolidation, and every weight and eligibility term on it reads only
     * {@code factors} (so its value is the same for every synapse that shares what those factors read).
     */
    public boolean separable(Term.Gate gate, Set<Factor> factors) {
        if (consolidation != null || weightSum != 0) {
            return false;
        }
        return Stream.of(rule.weightTerms(), rule.eligibilityTerms()).flatMap(List::stream)
                .filter(t -> t.gate() == gate).allMatch(t -> factors.containsAll(t.factors()));
    }

    /**
     * The sum of {@code gate}'s weight terms, in the weight's units with {@link #EXTRA_BITS} more fraction bits, for
     * terms that read no synapse state ({@link #separable}): the very arithmetic {@link #update} does.
     */
    public long weightSum(Term.Gate gate, int preTrace, int preSpike, int postTrace, int postSpike) {
        return weightTerms[gate.ordinal()].sum(this, 0, preTrace, preSpike, postTrace, postSpike);
    }

    /** {@link #weightSum} for the eligibility terms; 0 when the rule keeps no eligibility. */
    public long eligibilitySum(Term.Gate gate, int preTrace, int preSpike, int postTrace, int postSpike) {
        return eligibility == null ? 0 : eligibilityTerms[gate.ordinal()].sum(this, 0, preTrace, preSpike, postTrace,
                postSpike);
    }

    /** The variables a rule's terms update. */
    public enum Target {
        /** The weight terms. */
        WEIGHT,
        /** The eligibility terms. */
        ELIGIBILITY,
        /** The consolidation terms. */
        CONSOLIDATION
    }

    /** The compiled terms of {@code target} on {@code gate}, exactly as {@link #update} evaluates them. */
    public List<RawTerm> rawTerms(Target target, Term.Gate gate) {
        CompiledTerms[] byGate = switch (target) {
            case WEIGHT -> weightTerms;
            case ELIGIBILITY -> eligibilityTerms;
            case CONSOLIDATION -> consolidationTerms;
        };
        return byGate[gate.ordinal()].raw();
    }

    /** Left shift of a raw weight to a Q15 factor ({@code 15 -} the weight's fraction bits). */
    public int weightToQ15() {
        return weightToQ15;
    }

    /** The eligibility's leak per tick, Q16. */
    public int eligibilityDecayQ16() {
        return eligibilityDecay;
    }

    /** The shift of the reward baseline's step toward the modulator (0: no baseline). */
    public int baselineShift() {
        return baselineShift;
    }

    /** The raw target of the incoming weight sums (0: no normalisation). */
    public int weightSumRaw() {
        return weightSum;
    }

    /** True if a term reads the modulator's deviation from its baseline. */
    public boolean readsDeviation() {
        return readsDeviation;
    }

    /** True if some weight term runs on this gate. */
    public boolean hasWeightTerms(Term.Gate gate) {
        return weightTerms[gate.ordinal()].size() > 0;
    }

    /** True if some eligibility term runs on this gate. */
    public boolean hasEligibilityTerms(Term.Gate gate) {
        return eligibility != null && eligibilityTerms[gate.ordinal()].size() > 0;
    }

    /** True if some term runs on this gate. */
    public boolean hasTerms(Term.Gate gate) {
        return active[gate.ordinal()];
    }

    /** The terms {@code gate} evaluates per synapse visit (weight, eligibility and consolidation terms together). */
    public int termCount(Term.Gate gate) {
        return termCounts[gate.ordinal()];
    }

    /** True if the modulator-gated terms can be non-zero this tick. */
    public boolean modulatorActive() {
        return modulator != 0 || (readsDeviation && modulator != baseline);
    }

    /** Sets the broadcast neuromodulator (raw {@link #MODULATOR}). */
    public void setModulator(int raw) {
        modulator = raw;
    }

    /** Moves the reward-prediction baseline one step toward the modulator. */
    public void updateBaseline() {
        if (baselineShift > 0) {
            baseline += (int) Fx.shiftRound((long) modulator - baseline, baselineShift);
        }
    }

    /** The current baseline (raw {@link #MODULATOR}). */
    public int baseline() {
        return baseline;
    }

    /** Restores the baseline (raw {@link #MODULATOR}), e.g. from a snapshot. */
    public void restoreBaseline(int raw) {
        baseline = (int) MODULATOR.fit(raw);
    }

    /** Takes this tick's rounding keys: call once per tick, before any update. */
    public void beginTick(long tick) {
        if (stochastic) {
            for (Term.Gate gate : ALL_GATES) {
                roundingKey[gate.ordinal()] = random.key(CounterRandom.Stream.ROUNDING, tick, lane(gate));
            }
        }
    }

    /** The rounding sub-stream of a gate: fixed numbers, whatever the order of {@link Term.Gate}'s constants. */
    static int lane(Term.Gate gate) {
        return switch (gate) {
            case PRE_SPIKE -> 0;
            case POST_SPIKE -> 1;
            case MODULATOR -> 2;
            case EVERY_TICK -> 3;
        };
    }

    /** The rounding key of {@code gate} this tick (meaningful for stochastic rules after {@link #beginTick}). */
    public int roundingKey(Term.Gate gate) {
        return roundingKey[gate.ordinal()];
    }

    /** True if weight updates round stochastically. */
    public boolean stochastic() {
        return stochastic;
    }

    /**
     * Keeps track of which presynaptic rows may hold a non-zero eligibility (a sparse active list), so the leak and
     * the {@link #sparseOnEligibility} sweeps skip rows that are all zero: exact, since a zero leaks to zero and a
     * term with an eligibility factor is zero there. Every write of an eligibility marks its row; a leak that leaves
     * a row all zero unmarks it.
     */
    public void trackLiveRows() {
        if (eligibility != null && liveRows == null) {
            liveRows = new long[(pre + 63) >>> 6];
            markEveryRowLive();
        }
    }

    /** Marks every row live (after the eligibility array was written from outside, e.g. by a snapshot). */
    public void markEveryRowLive() {
        if (liveRows != null) {
            java.util.Arrays.fill(liveRows, -1L);
        }
    }

    /** Marks row {@code i} live: its eligibility was just written. */
    public void markRowLive(int i) {
        if (liveRows != null) {
            liveRows[i >>> 6] |= 1L << i;
        }
    }

    /** True if row {@code i} may hold a non-zero eligibility (always true when rows are not tracked). */
    public boolean rowLive(int i) {
        return liveRows == null || (liveRows[i >>> 6] & (1L << i)) != 0;
    }

    /**
     * True if every term of {@code gate} multiplies the eligibility, so a synapse whose eligibility is zero can be
     * skipped: its terms are all zero.
     */
    public boolean sparseOnEligibility(Term.Gate gate) {
        return eligibility != null && Stream.of(rule.weightTerms(), rule.eligibilityTerms(), rule.consolidationTerms())
                .flatMap(List::stream).filter(t -> t.gate() == gate)
                .allMatch(t -> t.factors().contains(Factor.ELIGIBILITY));
    }

    /**
     * Leaks every eligibility trace by one tick (toward zero); returns the eligibilities the C core leaks (every one;
     * this kernel skips the rows already at zero).
     */
    public int decayEligibility() {
        if (eligibility == null || eligibilityDecay == Fx.ONE_Q16) {
            return 0;
        }
        if (liveRows != null) {
            decayLiveRows();
            return eligibility.length;
        }
        for (int s = 0; s < eligibility.length; s++) {
            eligibility[s] = (short) Fx.decayTowardZero(eligibility[s], eligibilityDecay);
        }
        return eligibility.length;
    }

    private void decayLiveRows() {
        for (int i = 0; i < pre; i++) {
            if (!rowLive(i)) {
                continue;
            }
            int any = 0;
            for (int s = i * post, end = s + post; s < end; s++) {
                int e = Fx.decayTowardZero(eligibility[s], eligibilityDecay);
                eligibility[s] = (short) e;
                any |= e;
            }
            if (any == 0) {
                liveRows[i >>> 6] &= ~(1L << i);
            }
        }
    }

    /**
     * Applies every term of {@code gate} to synapse {@code s}, in the order eligibility, weight, consolidation.
     * Traces are raw {@link TraceSpec#FORMAT}; spikes are 0 or 1. Returns true if the weight changed.
     */
    public boolean update(Term.Gate gate, int s, int preTrace, int preSpike, int postTrace, int postSpike) {
        int g = gate.ordinal();
        if (eligibility != null && eligibilityTerms[g].size() > 0) {
            long sum = eligibilityTerms[g].sum(this, s, preTrace, preSpike, postTrace, postSpike);
            eligibility[s] = (short) ELIGIBILITY.fit(eligibility[s] + Fx.shiftRound(sum, EXTRA));
            if (liveRows != null && eligibility[s] != 0) {
                markRowLive(s / post);
            }
        }
        boolean changed = false;
        if (weightTerms[g].size() > 0) {
            long sum = weightTerms[g].sum(this, s, preTrace, preSpike, postTrace, postSpike);
            changed = applyWeight(g, s, sum);
        }
        if (consolidation != null && consolidationTerms[g].size() > 0) {
            long sum = consolidationTerms[g].sum(this, s, preTrace, preSpike, postTrace, postSpike);
            consolidation[s] = (short) Fx.clamp(consolidation[s] + Fx.shiftRound(sum, EXTRA), 0, maxConsolidation);
        }
        return changed;
    }

    private boolean applyWeight(int g, int s, long sum) {
        if (sum == 0) {
            return false;
        }
        long scaled = consolidation == null ? sum : Fx.mulQ15(sum, Fx.ONE_Q15 - consolidation[s]);
        long dw = stochastic ? Fx.stochasticShift(scaled, EXTRA, CounterRandom.draw16(roundingKey[g], s))
                : Fx.shiftRound(scaled, EXTRA);
        if (dw == 0) {
            return false;
        }
        int next = Fx.clamp(weights[s] + dw, wMin, wMax);
        boolean changed = next != weights[s];
        weights[s] = (short) next;
        return changed;
    }

    /** The Q15 value of {@code factor} for synapse {@code s}. */
    long factor(Factor factor, int s, int preTrace, int preSpike, int postTrace, int postSpike) {
        return switch (factor) {
            case PRE_SPIKE -> (long) preSpike << 15;
            case POST_SPIKE -> (long) postSpike << 15;
            case PRE_TRACE -> traceQ15(preTrace);
            case POST_TRACE -> traceQ15(postTrace);
            case WEIGHT -> (long) weights[s] << weightToQ15;
            case WEIGHT_HEADROOM -> (long) (wMax - weights[s]) << weightToQ15;
            case WEIGHT_FLOOR -> (long) (weights[s] - wMin) << weightToQ15;
            case ELIGIBILITY -> (long) eligibility[s] << (15 - ELIGIBILITY.fraction());
            case CONSOLIDATION -> consolidation[s];
            case MODULATOR -> modulator;
            case MODULATOR_DEVIATION -> (long) modulator - baseline;
            case MODULATOR_ON -> modulator != 0 ? Fx.ONE_Q15 : 0;
        };
    }

    /** A raw {@link TraceSpec#FORMAT} trace as a Q15 factor, rounded to nearest. */
    public static long traceQ15(int trace) {
        return Fx.shiftRound(trace, TraceSpec.FORMAT.fraction() - 15);
    }

    /**
     * Rescales the incoming weights of postsynaptic neuron {@code j} so they sum to the rule's target; no-op when the
     * rule has no target or the sum is not positive. Returns synapses touched.
     */
    public int normalise(int j) {
        if (weightSum == 0) {
            return 0;
        }
        long sum = 0;
        for (int i = 0; i < pre; i++) {
            sum += weights[i * post + j];
        }
        if (sum <= 0) {
            return pre;
        }
        long scaleQ16 = ((long) weightSum << 16) / sum;
        for (int i = 0; i < pre; i++) {
            int s = i * post + j;
            weights[s] = (short) Fx.clamp(Fx.shiftRound(weights[s] * scaleQ16, 16), wMin, wMax);
        }
        return pre;
    }

    /** True if the rule normalises weight sums. */
    public boolean normalises() {
        return weightSum != 0;
    }

    /** The weights, row-major {@code [pre][post]}; the core reads them to propagate spikes. */
    public short[] weights() {
        return weights;
    }

    /** The live eligibility array for snapshots, or null when the rule has none. */
    public short[] eligibilityArray() {
        return eligibility;
    }

    /** The live consolidation array for snapshots, or null when the rule has none. */
    public short[] consolidationArray() {
        return consolidation;
    }

    /** Raw eligibility of synapse {@code s} (0 when the rule has none). */
    public int eligibility(int s) {
        return eligibility == null ? 0 : eligibility[s];
    }

    /** Raw consolidation of synapse {@code s} (0 when the rule has none). */
    public int consolidation(int s) {
        return consolidation == null ? 0 : consolidation[s];
    }

    /** The lowest raw weight: every update, normalisation and load clamps to {@code [weightMin, weightMax]}. */
    public int weightMin() {
        return wMin;
    }

    /** The highest raw weight. */
    public int weightMax() {
        return wMax;
    }

    /** The highest raw consolidation level: updates and loads clamp to {@code [0, maxConsolidation]}. */
    public int maxConsolidation() {
        return maxConsolidation;
    }

    /** Sets a raw weight (clamped to the bounds): for loading learned weights. */
    public void setWeight(int s, int raw) {
        weights[s] = (short) Fx.clamp(raw, wMin, wMax);
    }

    /** Sets a raw consolidation level (clamped): for loading learned state. */
    public void setConsolidation(int s, int raw) {
        if (consolidation != null) {
            consolidation[s] = (short) Fx.clamp(raw, 0, maxConsolidation);
        }
    }

    /** Clears eligibility traces (activity, not learning). */
    public void resetEligibility() {
        if (eligibility != null) {
            java.util.Arrays.fill(eligibility, (short) 0);
        }
        if (liveRows != null) {
            java.util.Arrays.fill(liveRows, 0L);
        }
    }

    /**
     * Bytes of weight state on a board: {@link ProjectionSpec#weightStorageBits()} per synapse, packed. (The reference
     * keeps each weight in a short for speed; its values never leave that many bits.)
     */
    public long weightBytes() {
        return ((long) weights.length * weightStorageBits + Byte.SIZE - 1) / Byte.SIZE;
    }

    /** Bytes of eligibility state. */
    public long eligibilityBytes() {
        return eligibility == null ? 0 : (long) eligibility.length * Short.BYTES;
    }

    /** Bytes of consolidation state. */
    public long consolidationBytes() {
        return consolidation == null ? 0 : (long) consolidation.length * Short.BYTES;
    }
}
