package dev.aplysia.device.plasticity;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.Spikes;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.TraceSpec;

/**
 * A plasticity test bench: {@code pre} input neurons into {@code post} neurons that fire exactly when the test forces
 * them (no leak, threshold 100, far above any sum of weights; forcing injects 150 for one tick), through projection
 * "pre-post" with the rule under test. Pre and post spikes are therefore chosen by the test, tick by tick.
 */
final class Rig {

    /** No spikes. */
    static final int[] NONE = {};

    private static final double FORCE = 150;

    final Network network;
    private final int postSize;

    Rig(PlasticityRule rule, int pre, int post, TraceSpec trace, double wMin, double wMax, double init, long seed) {
        this(rule, pre, post, trace, trace, wMin, wMax, init, seed);
    }

    Rig(PlasticityRule rule, int pre, int post, TraceSpec preTrace, TraceSpec postTrace, double wMin, double wMax,
        double init, long seed) {
        this.postSize = post;
        this.network = Network.build(NetworkSpec.builder("rig")
                .population(PopulationSpec.input("pre", pre, preTrace))
                .population(PopulationSpec.neurons("post", post, NeuronSpec.lif(0, 100, 0, 0), 0, postTrace))
                .projection(ProjectionSpec.constant("pre-post", "pre", "post", wMin, wMax, init, rule))
                .seed(seed).build(), McuProfile.RP2040);
    }

    /** The presynaptic neurons that spike in a tick. */
    static int[] pre(int... neurons) {
        return neurons;
    }

    /** One tick in which exactly {@code preSpikes} fire and the {@code forcedPosts} are made to fire. */
    void tick(int[] preSpikes, int... forcedPosts) {
        Spikes spikes = network.population("pre").spikes();
        spikes.clear();
        for (int i : preSpikes) {
            spikes.set(i);
        }
        network.population("post").clearInjected();
        for (int j : forcedPosts) {
            network.population("post").inject(j, FORCE);
        }
        network.step();
    }

    /** {@code ticks} ticks without any spike. */
    void idle(int ticks) {
        for (int t = 0; t < ticks; t++) {
            tick(NONE);
        }
    }

    double weight(int i, int j) {
        return ProjectionSpec.WEIGHT.toReal(network.projection("pre-post").weight(i, j));
    }

    void setWeight(int i, int j, double real) {
        network.projection("pre-post").engine().setWeight(i * postSize + j, (int) ProjectionSpec.WEIGHT.toRaw(real));
    }

    double eligibility(int i, int j) {
        return RuleEngine.ELIGIBILITY.toReal(network.projection("pre-post").engine().eligibility(i * postSize + j));
    }

    double consolidation(int i, int j) {
        return RuleEngine.CONSOLIDATION.toReal(
                network.projection("pre-post").engine().consolidation(i * postSize + j));
    }

    static double step() {
        return ProjectionSpec.WEIGHT.step();
    }
}
