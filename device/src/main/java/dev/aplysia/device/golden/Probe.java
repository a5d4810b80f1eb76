package dev.aplysia.device.golden;

import dev.aplysia.device.core.Network;

/**
 * Where a golden column reads the core, as data: a kind, the population or projection it belongs to, and its
 * indices. The Java core and the C runner read a column through the same probe, so they read the same variable.
 *
 * @param kind   what is read
 * @param owner  the population or projection (empty for the network's scalars)
 * @param first  the neuron; for a receptor the receptor; for a weight the presynaptic neuron; for eligibility and
 *               consolidation the synapse
 * @param second for a receptor the neuron; for a weight the postsynaptic neuron; else 0
 */
public record Probe(Kind kind, String owner, int first, int second) {

    /** The variables a golden vector records. */
    public enum Kind {
        TICK, SPIKE, MEMBRANE, ADAPTATION, EXCITABILITY, RECEPTOR, TRACE, WEIGHT, ELIGIBILITY, CONSOLIDATION,
        MODULATOR, BASELINE
    }

    /** True if the owner is a projection (else a population, or nothing). */
    public boolean ownedByProjection() {
        return kind == Kind.WEIGHT || kind == Kind.ELIGIBILITY || kind == Kind.CONSOLIDATION || kind == Kind.BASELINE;
    }

    /** The raw value this probe reads from the core after a tick. */
    long read(Network n) {
        return switch (kind) {
            case TICK -> n.tick();
            case SPIKE -> n.population(owner).spikes().get(first) ? 1 : 0;
            case MEMBRANE -> n.population(owner).membrane(first);
            case ADAPTATION -> n.population(owner).adaptation(first);
            case EXCITABILITY -> n.population(owner).excitability(first);
            case RECEPTOR -> n.population(owner).receptor(first, second);
            case TRACE -> n.population(owner).trace(first);
            case WEIGHT -> n.projection(owner).weight(first, second);
            case ELIGIBILITY -> n.projection(owner).engine().eligibility(first);
            case CONSOLIDATION -> n.projection(owner).engine().consolidation(first);
            case MODULATOR -> n.modulatorRaw();
            case BASELINE -> n.projection(owner).engine().baseline();
        };
    }
}
