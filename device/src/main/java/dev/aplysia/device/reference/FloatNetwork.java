package dev.aplysia.device.reference;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.Population;
import dev.aplysia.device.core.Projection;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.ReceptorSpec;
import dev.aplysia.device.plasticity.RuleEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * The float twin of {@link Network}: built from the same {@link NetworkSpec} and stepped in the same order (see the
 * tick in {@link Network}'s javadoc), with exact real arithmetic. Where the core rounds (Q16 leaks toward zero, Q15
 * products, {@code dw} to one weight step, the baseline average) or saturates (membrane, traces, eligibility,
 * modulator), the twin does neither; it keeps only the bounds the specs themselves state (weights in
 * {@code [wMin, wMax]}, consolidation in {@code [0, maxConsolidation]}, excitability {@code >= 0}). It is the expected
 * value the fixed-point core is measured against, so it draws no random numbers: initial weights come from a core
 * network ({@link #twinOf}), and a Poisson source draws the core's own integer schedule, so both see the same input
 * spikes (inputs are not what the twin checks). Receptors leak and drive the membrane as {@link ReceptorSpec} says,
 * with the conductance fraction kept in [0, 1] as the spec states.
 */
public final class FloatNetwork {

    private final NetworkSpec spec;
    private final FloatPopulation[] populations;
    private final FloatProjection[] projections;
    private final FloatProjection[][] incoming;
    private boolean learning = true;
    private double modulator;
    private long tick;

    private FloatNetwork(NetworkSpec spec) {
        this.spec = spec;
        this.populations = spec.populations().stream().map(p -> new FloatPopulation(spec, p))
                .toArray(FloatPopulation[]::new);
        this.projections = new FloatProjection[spec.projections().size()];
        for (int k = 0; k < projections.length; k++) {
            ProjectionSpec p = spec.projections().get(k);
            projections[k] = new FloatProjection(p, find(p.pre()), find(p.post()));
        }
        this.incoming = new FloatProjection[populations.length][];
        for (int p = 0; p < populations.length; p++) {
            List<FloatProjection> in = new ArrayList<>();
            for (FloatProjection projection : projections) {
                if (projection.post() == populations[p]) {
                    in.add(projection);
                }
            }
            incoming[p] = in.toArray(new FloatProjection[0]);
        }
    }

    /**
     * A twin of {@code network}: the same spec, and its learned state converted from raw to real (weights,
     * consolidation, adaptive thresholds, excitability, baselines), its modulator and its learning switch. Activity
     * (membranes, currents, receptor variables, refractory counters, traces, eligibility, spikes, injected currents)
     * starts at rest, as after {@link Network#resetActivity()}, and a Poisson source's schedule at tick 0, as a
     * freshly built network's; twin a freshly built network and both start identical.
     */
    public static FloatNetwork twinOf(Network network) {
        FloatNetwork twin = new FloatNetwork(network.spec());
        for (FloatPopulation population : twin.populations) {
            if (!population.spec().isInput()) {
                Population source = network.population(population.spec().name());
                for (int i = 0; i < population.size(); i++) {
                    population.setAdaptation(i, source.membraneFormat().toReal(source.adaptation(i)));
                    population.setExcitability(i, source.membraneFormat().toReal(source.excitability(i)));
                }
            }
        }
        for (FloatProjection projection : twin.projections) {
            Projection source = network.projection(projection.spec().name());
            RuleEngine engine = source.engine();
            for (int s = 0; s < projection.synapses(); s++) {
                projection.engine().setWeight(s, source.spec().weightFormat().toReal(engine.weights()[s]));
                projection.engine().setConsolidation(s, RuleEngine.CONSOLIDATION.toReal(engine.consolidation(s)));
            }
            projection.engine().setBaseline(RuleEngine.MODULATOR.toReal(engine.baseline()));
        }
        twin.setModulator(RuleEngine.MODULATOR.toReal(network.modulatorRaw()));
        twin.setLearning(network.learning());
        return twin;
    }

    private FloatPopulation find(String name) {
        for (FloatPopulation p : populations) {
            if (p.spec().name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no population named " + name);
    }

    /** Advances the network by one tick, in {@link Network#step()}'s order. */
    public void step() {
        tick++;
        for (FloatPopulation population : populations) {
            population.generate(tick);
        }
        for (int p = 0; p < populations.length; p++) {
            populations[p].decayReceptors();
            for (FloatProjection projection : incoming[p]) {
                projection.propagate();
            }
            populations[p].integrate(learning);
        }
        for (FloatPopulation population : populations) {
            population.decayTraces();
        }
        if (learning) {
            for (FloatProjection projection : projections) {
                projection.engine().decayEligibility();
                projection.learnOnPreSpikes();
            }
        }
        for (FloatPopulation population : populations) {
            population.addSpikesToTraces();
        }
        if (learning) {
            for (FloatProjection projection : projections) {
                projection.learnOnPostSpikes();
                projection.learnEverywhere();
                projection.normaliseChanged();
                projection.engine().updateBaseline();
            }
        }
    }

    /** Sets the broadcast neuromodulator, held until changed; real units, not saturated. */
    public void setModulator(double real) {
        modulator = real;
        for (FloatProjection projection : projections) {
            projection.engine().setModulator(real);
        }
    }

    /** The neuromodulator, real units. */
    public double modulator() {
        return modulator;
    }

    /** Freezes (false) or resumes (true) learning, as {@link Network#setLearning(boolean)}. */
    public void setLearning(boolean enabled) {
        learning = enabled;
    }

    /** True while learning. */
    public boolean learning() {
        return learning;
    }

    /** Clears activity between samples, as {@link Network#resetActivity()}. */
    public void resetActivity() {
        for (FloatPopulation population : populations) {
            population.resetActivity();
            population.clearInjected();
        }
        for (FloatProjection projection : projections) {
            projection.engine().resetEligibility();
        }
    }

    /** The population with this name. */
    public FloatPopulation population(String name) {
        return find(name);
    }

    /** The projection with this name. */
    public FloatProjection projection(String name) {
        for (FloatProjection p : projections) {
            if (p.spec().name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no projection named " + name);
    }

    /** Ticks since construction. */
    public long tick() {
        return tick;
    }

    /** The spec. */
    public NetworkSpec spec() {
        return spec;
    }

    /** Names of the populations in step order. */
    public List<String> populationNames() {
        return spec.populations().stream().map(PopulationSpec::name).toList();
    }
}
