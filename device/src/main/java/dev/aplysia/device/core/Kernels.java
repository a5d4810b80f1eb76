package dev.aplysia.device.core;

import dev.aplysia.device.model.Factor;
import dev.aplysia.device.model.Term.Gate;
import dev.aplysia.device.plasticity.RuleEngine;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which plasticity kernels a network runs, chosen at build time from what each gate's terms read (the way CMSIS-NN
 * picks a kernel from a layer's shape). {@link #OPTIMISED} takes a vector kernel wherever one gives the reference's
 * bits; {@link #REFERENCE} runs the interpreter everywhere, for differential tests and for anyone who wants the
 * obvious code on the tick path.
 */
public enum Kernels {
    /** Vector kernels where the terms allow, the interpreter elsewhere (the default). */
    OPTIMISED,
    /** The interpreter ({@link RuleEngine#update}) on every gate. */
    REFERENCE;

    /** What a presynaptic-spike term may read to be one value per post neuron. */
    private static final Set<Factor> POST_SIDE = EnumSet.of(Factor.PRE_SPIKE, Factor.POST_SPIKE, Factor.POST_TRACE,
            Factor.MODULATOR, Factor.MODULATOR_DEVIATION, Factor.MODULATOR_ON);
    /** What a postsynaptic-spike term may read to be one value per pre neuron. */
    private static final Set<Factor> PRE_SIDE = EnumSet.of(Factor.POST_SPIKE, Factor.PRE_SPIKE, Factor.PRE_TRACE,
            Factor.MODULATOR, Factor.MODULATOR_DEVIATION, Factor.MODULATOR_ON);

    boolean vectorOnPreSpikes(RuleEngine engine) {
        return this == OPTIMISED && engine.hasTerms(Gate.PRE_SPIKE) && engine.separable(Gate.PRE_SPIKE, POST_SIDE);
    }

    boolean sparseOnEligibility(RuleEngine engine, Gate gate) {
        return this == OPTIMISED && engine.hasTerms(gate) && engine.sparseOnEligibility(gate);
    }

    boolean vectorOnPostSpikes(RuleEngine engine) {
        return this == OPTIMISED && engine.hasTerms(Gate.POST_SPIKE) && engine.separable(Gate.POST_SPIKE, PRE_SIDE);
    }
}
