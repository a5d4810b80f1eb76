package dev.aplysia.device.model;

import java.util.Objects;

/**
 * A group of neurons of one type. An input population ({@code neuron == null}) is a spike source whose spikes an
 * encoder sets each tick, or, given a {@link PoissonSpec}, that the network draws itself at the start of each tick;
 * any other population integrates its projections with {@link NeuronSpec}.
 *
 * <p>{@code winners > 0} makes the population a k-winner-take-all: of the neurons that reach threshold in a tick, at
 * most {@code winners} spike (largest margin over threshold first, ties to the lower index), and whenever any neuron
 * spikes, every other non-refractory neuron is inhibited back to its reset value.
 *
 * @param name    unique name in the network
 * @param size    number of neurons, 1..65535
 * @param neuron  neuron model, or null for an input population
 * @param winners k of k-WTA, or 0 for independent neurons
 * @param trace   the per-neuron spike trace that plasticity rules read
 * @param poisson the Poisson source of an input population, or null (spikes written by an encoder)
 */
public record PopulationSpec(String name, int size, NeuronSpec neuron, int winners, TraceSpec trace,
                             PoissonSpec poisson) {

    public PopulationSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trace, "trace");
        if (size < 1 || size > 65535) {
            throw new IllegalArgumentException("population " + name + ": size must be in 1..65535, got " + size);
        }
        if (winners < 0 || winners > size) {
            throw new IllegalArgumentException("population " + name + ": winners must be in 0.." + size);
        }
        if (neuron == null && winners != 0) {
            throw new IllegalArgumentException("population " + name + ": an input population has no competition");
        }
        if (neuron != null && poisson != null) {
            throw new IllegalArgumentException("population " + name + ": only an input population is a Poisson source");
        }
    }

    /** A population whose spikes are not drawn by the network: integrating neurons, or an encoder's inputs. */
    public PopulationSpec(String name, int size, NeuronSpec neuron, int winners, TraceSpec trace) {
        this(name, size, neuron, winners, trace, null);
    }

    /** An input (spike source) population. */
    public static PopulationSpec input(String name, int size, TraceSpec trace) {
        return new PopulationSpec(name, size, null, 0, trace);
    }

    /**
     * A seeded Poisson input population: {@code size} independent inputs, each firing at {@code rateHz} at ticks of
     * {@code dtMs} (see {@link PoissonSpec}), drawn by the network from its seed.
     *
     * @throws IllegalArgumentException naming the population if {@code p = rate * dt} is not in (0, 1)
     */
    public static PopulationSpec poisson(String name, int size, double rateHz, double dtMs, TraceSpec trace) {
        PoissonSpec source;
        try {
            source = new PoissonSpec(rateHz, dtMs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("population " + name + ": " + e.getMessage(), e);
        }
        return new PopulationSpec(name, size, null, 0, trace, source);
    }

    /** A population of integrating neurons. */
    public static PopulationSpec neurons(String name, int size, NeuronSpec neuron, int winners, TraceSpec trace) {
        return new PopulationSpec(name, size, Objects.requireNonNull(neuron, "neuron"), winners, trace);
    }

    /** True for a spike source. */
    public boolean isInput() {
        return neuron == null;
    }

    /** True for a spike source the network draws itself. */
    public boolean isPoisson() {
        return poisson != null;
    }

    /**
     * The spec's text, part of a network's identity ({@code SnapshotCodec.fingerprint}). A component added after the
     * first release appears only when it is not at its default, so networks that do not use it keep their text and
     * their snapshots still load (decision 45).
     */
    @Override
    public String toString() {
        return "PopulationSpec[name=" + name + ", size=" + size + ", neuron=" + neuron + ", winners=" + winners
                + ", trace=" + trace + (poisson == null ? "" : ", poisson=" + poisson) + "]";
    }
}
