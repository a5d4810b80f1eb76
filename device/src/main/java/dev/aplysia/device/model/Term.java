package dev.aplysia.device.model;

import java.util.List;
import java.util.Objects;

/**
 * One product in a plasticity rule: {@code coefficient * f1 * f2 * ...}. The coefficient is in the units of the
 * target variable (weight, eligibility or consolidation) per unit product.
 */
public record Term(double coefficient, List<Factor> factors) {

    /** When the engine must evaluate a term; a term is zero at all other times. */
    public enum Gate {
        /** On each presynaptic spike, for every synapse of that neuron. */
        PRE_SPIKE,
        /** On each postsynaptic spike, for every synapse onto that neuron. */
        POST_SPIKE,
        /** Every tick the neuromodulator (or its deviation) is non-zero, for every synapse. */
        MODULATOR,
        /** Every tick, for every synapse. */
        EVERY_TICK
    }

    public Term {
        factors = List.copyOf(Objects.requireNonNull(factors, "factors"));
        if (!Double.isFinite(coefficient)) {
            throw new IllegalArgumentException("term coefficient must be finite");
        }
    }

    /** A term from its coefficient and factors. */
    public static Term of(double coefficient, Factor... factors) {
        return new Term(coefficient, List.of(factors));
    }

    /** The event on which this term can be non-zero. */
    public Gate gate() {
        if (factors.contains(Factor.PRE_SPIKE)) {
            return Gate.PRE_SPIKE;
        }
        if (factors.contains(Factor.POST_SPIKE)) {
            return Gate.POST_SPIKE;
        }
        if (factors.contains(Factor.MODULATOR) || factors.contains(Factor.MODULATOR_DEVIATION)
                || factors.contains(Factor.MODULATOR_ON)) {
            return Gate.MODULATOR;
        }
        return Gate.EVERY_TICK;
    }
}
