package dev.aplysia.device.core;

/**
 * The bytes a network's state occupies on a board, by kind, and the budget it must fit.
 *
 * @param weightBytes        synaptic weights
 * @param traceBytes         neuron traces and synaptic eligibility traces
 * @param consolidationBytes per-synapse consolidation levels
 * @param neuronBytes        membranes, thresholds, excitability, currents, receptor variables, refractory
 *                           counters, spike bits, Poisson schedules, seed and tick, counters and baselines
 * @param budgetBytes        the profile's state budget
 */
public record StateBudget(long weightBytes, long traceBytes, long consolidationBytes, long neuronBytes,
                          long budgetBytes) {

    /** All state bytes. */
    public long totalBytes() {
        return weightBytes + traceBytes + consolidationBytes + neuronBytes;
    }

    /** True if the state fits the budget. */
    public boolean fits() {
        return totalBytes() <= budgetBytes;
    }
}
