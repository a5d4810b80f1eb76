package dev.aplysia.device.model;

/**
 * A named quantity a plasticity term may multiply. Every factor is local to one synapse: the synapse itself, its
 * pre- and postsynaptic neuron, or the one broadcast neuromodulator. The fixed-point engine reads each as a Q15
 * value (1.0 = 32768).
 */
public enum Factor {
    /** 1 if the presynaptic neuron spiked this tick, else 0. A term with it runs only on presynaptic spikes. */
    PRE_SPIKE,
    /** 1 if the postsynaptic neuron spiked this tick, else 0. A term with it runs only on postsynaptic spikes. */
    POST_SPIKE,
    /** The presynaptic trace (including this tick's presynaptic spike). */
    PRE_TRACE,
    /** The postsynaptic trace (excluding this tick's spike when read by a presynaptic-spike term). */
    POST_TRACE,
    /** The weight, in real weight units. */
    WEIGHT,
    /** {@code wMax - w}: multiplicative (soft-bound) potentiation. */
    WEIGHT_HEADROOM,
    /** {@code w - wMin}: multiplicative (soft-bound) depression. */
    WEIGHT_FLOOR,
    /** The synapse's eligibility trace. */
    ELIGIBILITY,
    /** The synapse's consolidation level, 0 (plastic) to the rule's maximum. */
    CONSOLIDATION,
    /** The broadcast neuromodulator (reward, teaching or significance). A term with it runs while it is non-zero. */
    MODULATOR,
    /** The neuromodulator minus its running average: a reward-prediction error. */
    MODULATOR_DEVIATION,
    /**
     * 1 while the neuromodulator is non-zero, else 0: a learning gate. A term that must learn at a fixed rate whenever
     * a teaching or significance signal is present (whatever its size) uses this instead of {@link #MODULATOR}.
     */
    MODULATOR_ON
}
