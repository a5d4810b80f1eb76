package dev.aplysia.device.core;

import dev.aplysia.device.fixed.CounterRandom;
import dev.aplysia.device.fixed.Fx;
import dev.aplysia.device.model.Term;
import dev.aplysia.device.plasticity.RuleEngine;

/**
 * One gate's plastic changes as a vector over one side of a projection (its post neurons or its pre neurons), for
 * the vector kernels: each entry is the term sum of {@link RuleEngine#weightSum} (and
 * {@link RuleEngine#eligibilitySum}), already split into what the reference rounding does with it per synapse, so
 * the per-synapse work is a few 32-bit operations:
 * <pre>
 *   stochastic:  dw = floor + (fraction > draw16(key, s))      = Fx.stochasticShift(sum, 16, draw16(key, s))
 *   to nearest:  dw = floor                                     = Fx.shiftRound(sum, 16)
 *   w = clamp(w + dw, wMin, wMax);   e = fit(e + de)
 * </pre>
 * {@code floor} and {@code de} are clamped to {@code ±2^17}, beyond which the clamp of a 16-bit target gives the same
 * result.
 */
final class Deltas {

    private static final int LIMIT = 1 << 17;

    private final RuleEngine engine;
    private final Term.Gate gate;
    private final boolean weights;
    private final boolean eligibility;
    private final boolean stochastic;
    private final int[] floor;
    private final int[] fraction;
    private final int[] eligibilityDelta;
    private final short[] w;
    private final short[] e;
    private final int wMin;
    private final int wMax;
    private final int eMin;
    private final int eMax;
    private int key;

    Deltas(RuleEngine engine, Term.Gate gate, int size) {
        this.engine = engine;
        this.gate = gate;
        this.weights = engine.hasWeightTerms(gate);
        this.eligibility = engine.hasEligibilityTerms(gate);
        this.stochastic = engine.stochastic();
        this.floor = new int[size];
        this.fraction = new int[size];
        this.eligibilityDelta = new int[size];
        this.w = engine.weights();
        this.e = engine.eligibilityArray();
        this.wMin = engine.weightMin();
        this.wMax = engine.weightMax();
        this.eMin = (int) RuleEngine.ELIGIBILITY.minRaw();
        this.eMax = (int) RuleEngine.ELIGIBILITY.maxRaw();
    }

    /** Takes this tick's rounding key; call before {@link #apply}. */
    void beginTick() {
        key = engine.roundingKey(gate);
    }

    /** Sets entry {@code k} from the terms evaluated for that neuron; returns true if it changes anything. */
    boolean set(int k, int preTrace, int preSpike, int postTrace, int postSpike) {
        boolean any = false;
        if (weights) {
            long sum = engine.weightSum(gate, preTrace, preSpike, postTrace, postSpike);
            long whole = stochastic ? sum >> RuleEngine.EXTRA_BITS : Fx.shiftRound(sum, RuleEngine.EXTRA_BITS);
            floor[k] = Fx.clamp(whole, -LIMIT, LIMIT);
            fraction[k] = stochastic ? (int) (sum - (whole << RuleEngine.EXTRA_BITS)) : 0;
            any = sum != 0;
        }
        if (eligibility) {
            long sum = engine.eligibilitySum(gate, preTrace, preSpike, postTrace, postSpike);
            eligibilityDelta[k] = Fx.clamp(Fx.shiftRound(sum, RuleEngine.EXTRA_BITS), -LIMIT, LIMIT);
            any |= sum != 0;
        }
        return any;
    }

    /** Applies entries {@code 0..n-1} to the synapses of presynaptic neuron {@code i}, whose row starts at {@code row}. */
    void applyAlongRow(int i, int row, int n) {
        if (weights) {
            if (stochastic) {
                for (int j = 0; j < n; j++) {
                    int s = row + j;
                    int up = fraction[j] > CounterRandom.draw16(key, s) ? 1 : 0;
                    w[s] = (short) clamp(w[s] + floor[j] + up, wMin, wMax);
                }
            } else {
                for (int j = 0; j < n; j++) {
                    w[row + j] = (short) clamp(w[row + j] + floor[j], wMin, wMax);
                }
            }
        }
        if (eligibility) {
            for (int j = 0; j < n; j++) {
                e[row + j] = (short) clamp(e[row + j] + eligibilityDelta[j], eMin, eMax);
            }
            engine.markRowLive(i);
        }
    }

    /** Applies entry {@code i} to synapses {@code row + columns[0..count-1]}. */
    void applyToColumns(int i, int row, int[] columns, int count) {
        if (weights) {
            int whole = floor[i];
            int part = fraction[i];
            for (int c = 0; c < count; c++) {
                int s = row + columns[c];
                int up = stochastic && part > CounterRandom.draw16(key, s) ? 1 : 0;
                w[s] = (short) clamp(w[s] + whole + up, wMin, wMax);
            }
        }
        if (eligibility) {
            for (int c = 0; c < count; c++) {
                int s = row + columns[c];
                e[s] = (short) clamp(e[s] + eligibilityDelta[i], eMin, eMax);
            }
            engine.markRowLive(i);
        }
    }

    private static int clamp(int value, int min, int max) {
        return value > max ? max : Math.max(value, min);
    }
}
