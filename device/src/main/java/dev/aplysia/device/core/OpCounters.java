package dev.aplysia.device.core;

/**
 * Work the core has done since it was built, counted in the loops of the C core (the code a microcontroller runs,
 * {@code device/src/main/c/core}), whatever kernel the Java core chose, so that an MCU profile's
 * {@link dev.aplysia.device.model.McuProfile.CostModel} can cost it:
 * <ul>
 *   <li>synaptic events: one weight added to one postsynaptic current or receptor;</li>
 *   <li>neuron updates: one membrane integrated and compared, or one Poisson input's spike drawn with its next
 *       interval;</li>
 *   <li>trace updates: one clocked trace leaked by one tick;</li>
 *   <li>synapse updates: one synapse visited by a gate of the rule engine, and term updates: its terms evaluated
 *       (visits times the gate's terms);</li>
 *   <li>activity checks: one neuron's trace and spike read by a sweep to skip it when quiet;</li>
 *   <li>event-driven trace reads: one event-driven trace's value computed (its decay since its last write, from the
 *       power tables) by a synapse visit or an activity check;</li>
 *   <li>eligibility decays: one eligibility leaked by one tick;</li>
 *   <li>normalised synapses: one weight summed or rescaled by weight-sum normalisation.</li>
 * </ul>
 * Counting costs one add per loop, not per event.
 */
public final class OpCounters {

    long synapticEvents;
    long neuronUpdates;
    long traceUpdates;
    long synapseUpdates;
    long termUpdates;
    long activityChecks;
    long eventTraceReads;
    long eligibilityDecays;
    long normalisedSynapses;
    long ticks;

    /** Synaptic events so far. */
    public long synapticEvents() {
        return synapticEvents;
    }

    /** Neuron updates so far. */
    public long neuronUpdates() {
        return neuronUpdates;
    }

    /** Clocked trace leaks so far. */
    public long traceUpdates() {
        return traceUpdates;
    }

    /** Synapse (plasticity) visits so far. */
    public long synapseUpdates() {
        return synapseUpdates;
    }

    /** Rule terms evaluated so far: each synapse visit times its gate's terms. */
    public long termUpdates() {
        return termUpdates;
    }

    /** Neurons a sweep checked for quiet so far. */
    public long activityChecks() {
        return activityChecks;
    }

    /** Event-driven traces' values computed by synapse visits and activity checks so far. */
    public long eventTraceReads() {
        return eventTraceReads;
    }

    /** Eligibility leaks so far. */
    public long eligibilityDecays() {
        return eligibilityDecays;
    }

    /** Weights summed or rescaled by normalisation so far. */
    public long normalisedSynapses() {
        return normalisedSynapses;
    }

    /** Ticks so far. */
    public long ticks() {
        return ticks;
    }

    /** Synaptic events, neuron updates and synapse updates so far: the operations of a tick's budget. */
    public long total() {
        return synapticEvents + neuronUpdates + synapseUpdates;
    }

    /** Average operations per tick so far (0 before the first tick). */
    public double perTick() {
        return ticks == 0 ? 0 : total() / (double) ticks;
    }

    /** A copy of these counts, to subtract from later ones (off the tick path). */
    public OpCounters copy() {
        OpCounters c = new OpCounters();
        c.copyFrom(this);
        return c;
    }

    /** Overwrites these counts with {@code other}'s; allocation-free, for a tick loop holding the previous counts. */
    public void copyFrom(OpCounters other) {
        synapticEvents = other.synapticEvents;
        neuronUpdates = other.neuronUpdates;
        traceUpdates = other.traceUpdates;
        synapseUpdates = other.synapseUpdates;
        termUpdates = other.termUpdates;
        activityChecks = other.activityChecks;
        eventTraceReads = other.eventTraceReads;
        eligibilityDecays = other.eligibilityDecays;
        normalisedSynapses = other.normalisedSynapses;
        ticks = other.ticks;
    }
}
