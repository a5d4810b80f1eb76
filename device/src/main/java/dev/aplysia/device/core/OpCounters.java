package dev.aplysia.device.core;

/**
 * Work the core has done since it was built, in the units a cycle budget is made of: synaptic events (one weight
 * added to one postsynaptic current or receptor), neuron updates (one membrane integrated and compared, or one
 * Poisson input's spike drawn with its next interval), and synapse updates
 * (one plastic variable of one synapse evaluated by the rule engine). Counting costs one add per loop, not per event.
 */
public final class OpCounters {

    long synapticEvents;
    long neuronUpdates;
    long synapseUpdates;
    long ticks;

    /** Synaptic events so far. */
    public long synapticEvents() {
        return synapticEvents;
    }

    /** Neuron updates so far. */
    public long neuronUpdates() {
        return neuronUpdates;
    }

    /** Synapse (plasticity) updates so far. */
    public long synapseUpdates() {
        return synapseUpdates;
    }

    /** Ticks so far. */
    public long ticks() {
        return ticks;
    }

    /** All operations so far. */
    public long total() {
        return synapticEvents + neuronUpdates + synapseUpdates;
    }

    /** Average operations per tick so far (0 before the first tick). */
    public double perTick() {
        return ticks == 0 ? 0 : total() / (double) ticks;
    }
}
