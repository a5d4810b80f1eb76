package dev.aplysia.device.reference;

import dev.aplysia.device.core.Spikes;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.Term.Gate;

/**
 * The float twin of {@link dev.aplysia.device.core.Projection}: propagates presynaptic spikes as real weights into
 * postsynaptic currents or receptor variables and walks the synapses its {@link FloatRuleEngine} updates on each gate, in the core's order.
 */
public final class FloatProjection {

    private final ProjectionSpec spec;
    private final FloatPopulation pre;
    private final FloatPopulation post;
    private final int postSize;
    private final FloatRuleEngine engine;
    private final Spikes changedPosts;
    private final double[] target;

    FloatProjection(ProjectionSpec spec, FloatPopulation pre, FloatPopulation post) {
        this.spec = spec;
        this.pre = pre;
        this.post = post;
        this.postSize = post.size();
        this.engine = new FloatRuleEngine(spec, pre.size(), postSize);
        this.changedPosts = new Spikes(postSize);
        this.target = spec.feedsReceptor()
                ? post.receptorArray(post.spec().neuron().receptorIndex(spec.receptor())) : post.currentArray();
    }

    /** The spec this projection was built from. */
    public ProjectionSpec spec() {
        return spec;
    }

    /** The plastic state and its rule engine. */
    public FloatRuleEngine engine() {
        return engine;
    }

    /** Weight from presynaptic {@code i} to postsynaptic {@code j}, real units. */
    public double weight(int i, int j) {
        return engine.weights()[i * postSize + j];
    }

    /** Eligibility of the synapse from {@code i} to {@code j} (0 when the rule has none). */
    public double eligibility(int i, int j) {
        return engine.eligibility(i * postSize + j);
    }

    /** Consolidation of the synapse from {@code i} to {@code j} (0 when the rule has none). */
    public double consolidation(int i, int j) {
        return engine.consolidation(i * postSize + j);
    }

    /** Sets the weight from {@code i} to {@code j} (clamped to the bounds), real units. */
    public void setWeight(int i, int j, double value) {
        engine.setWeight(i * postSize + j, value);
    }

    /** Number of synapses. */
    public int synapses() {
        return pre.size() * postSize;
    }

    FloatPopulation post() {
        return post;
    }

    /** Adds the weights of every spiking presynaptic neuron to the currents or to the receptor this one feeds. */
    void propagate() {
        double[] w = engine.weights();
        double[] current = target;
        Spikes spikes = pre.spikes();
        for (int i = spikes.next(0); i >= 0; i = spikes.next(i + 1)) {
            int row = i * postSize;
            for (int j = 0; j < postSize; j++) {
                current[j] += w[row + j];
            }
        }
    }

    /** Presynaptic-spike terms, before this tick's spikes are added to the traces. */
    void learnOnPreSpikes() {
        if (!engine.hasTerms(Gate.PRE_SPIKE)) {
            return;
        }
        double[] preTrace = pre.traceArray();
        double[] postTrace = post.traceArray();
        Spikes postSpikes = post.spikes();
        for (int i = pre.spikes().next(0); i >= 0; i = pre.spikes().next(i + 1)) {
            int row = i * postSize;
            for (int j = 0; j < postSize; j++) {
                if (engine.update(Gate.PRE_SPIKE, row + j, preTrace[i], 1, postTrace[j], postSpikes.get(j) ? 1 : 0)) {
                    changedPosts.set(j);
                }
            }
        }
    }

    /** Postsynaptic-spike terms, after this tick's spikes are in the traces. */
    void learnOnPostSpikes() {
        if (!engine.hasTerms(Gate.POST_SPIKE)) {
            return;
        }
        double[] preTrace = pre.traceArray();
        double[] postTrace = post.traceArray();
        Spikes preSpikes = pre.spikes();
        for (int j = post.spikes().next(0); j >= 0; j = post.spikes().next(j + 1)) {
            for (int i = 0; i < pre.size(); i++) {
                if (engine.update(Gate.POST_SPIKE, i * postSize + j, preTrace[i], preSpikes.get(i) ? 1 : 0,
                        postTrace[j], 1)) {
                    changedPosts.set(j);
                }
            }
        }
    }

    /** Modulator-gated terms (while the modulator is active) and every-tick terms. */
    void learnEverywhere() {
        if (engine.hasTerms(Gate.MODULATOR) && engine.modulatorActive()) {
            sweep(Gate.MODULATOR);
        }
        if (engine.hasTerms(Gate.EVERY_TICK)) {
            sweep(Gate.EVERY_TICK);
        }
    }

    private void sweep(Gate gate) {
        double[] preTrace = pre.traceArray();
        double[] postTrace = post.traceArray();
        Spikes preSpikes = pre.spikes();
        Spikes postSpikes = post.spikes();
        for (int i = 0; i < pre.size(); i++) {
            int row = i * postSize;
            int preSpike = preSpikes.get(i) ? 1 : 0;
            for (int j = 0; j < postSize; j++) {
                if (engine.update(gate, row + j, preTrace[i], preSpike, postTrace[j], postSpikes.get(j) ? 1 : 0)) {
                    changedPosts.set(j);
                }
            }
        }
    }

    /** Normalises the weight sums of postsynaptic neurons whose weights changed this tick. */
    void normaliseChanged() {
        if (engine.normalises()) {
            for (int j = changedPosts.next(0); j >= 0; j = changedPosts.next(j + 1)) {
                engine.normalise(j);
            }
        }
        changedPosts.clear();
    }
}
