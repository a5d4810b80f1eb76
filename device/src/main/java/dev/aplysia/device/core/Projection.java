package dev.aplysia.device.core;

import dev.aplysia.device.fixed.Fx;
import dev.aplysia.device.fixed.QFormat;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.ReceptorSpec;
import dev.aplysia.device.model.Term.Gate;
import dev.aplysia.device.plasticity.RuleEngine;

/**
 * A dense projection: propagates presynaptic spikes into postsynaptic currents or into the variable of the
 * postsynaptic receptor it feeds (event-driven: only spiking rows are read, contiguously) and walks the synapses the
 * rule engine must update on each gate.
 */
public final class Projection {

    private final ProjectionSpec spec;
    private final Population pre;
    private final Population post;
    private final int postSize;
    private final RuleEngine engine;
    private final Spikes changedPosts;
    private final String[] sectionNames;
    private final StateConstraint[] sectionLegal;
    private final int[] target;
    private final int weightShift;

    Projection(ProjectionSpec spec, Population pre, Population post, RuleEngine engine) {
        this.spec = spec;
        this.pre = pre;
        this.post = post;
        this.postSize = post.size();
        this.engine = engine;
        this.changedPosts = new Spikes(postSize);
        this.sectionNames = new String[] {spec.name() + ".weights", spec.name() + ".eligibility",
            spec.name() + ".consolidation"};
        QFormat w = spec.weightFormat();
        this.sectionLegal = new StateConstraint[] {
            new ValueRange("the weight bounds [" + spec.wMin() + ", " + spec.wMax() + "] of " + w,
                    engine.weightMin(), engine.weightMax()),
            ValueRange.of(RuleEngine.ELIGIBILITY),
            new ValueRange("the consolidation range [0, " + spec.rule().maxConsolidation() + "] of "
                    + RuleEngine.CONSOLIDATION, 0, engine.maxConsolidation())};
        this.target = spec.feedsReceptor() ? post.receptorArray(post.spec().neuron().receptorIndex(spec.receptor()))
                : post.currentArray();
        int targetFraction = spec.feedsReceptor() ? ReceptorSpec.G.fraction() : post.membraneFormat().fraction();
        this.weightShift = targetFraction - spec.weightFraction();
        if (weightShift < 0) {
            throw new IllegalArgumentException("projection " + spec.name() + ": the membrane of " + spec.post()
                    + " has " + post.membraneFormat().fraction() + " fraction bits, fewer than the "
                    + spec.weightFraction() + " of its weights");
        }
    }

    /** The spec this projection was built from. */
    public ProjectionSpec spec() {
        return spec;
    }

    /** The plastic state and its rule engine. */
    public RuleEngine engine() {
        return engine;
    }

    /** Raw weight from presynaptic {@code i} to postsynaptic {@code j}, in {@link ProjectionSpec#weightFormat()}. */
    public int weight(int i, int j) {
        return engine.weights()[i * postSize + j];
    }

    /** Number of synapses. */
    public int synapses() {
        return pre.size() * postSize;
    }

    Population post() {
        return post;
    }

    /**
     * Adds the weights of every spiking presynaptic neuron to the postsynaptic currents, aligned to the postsynaptic
     * membrane's fraction bits (a shift of 0 for the default membrane), or to the variables of the receptor this
     * projection feeds, aligned to {@link ReceptorSpec#G}; saturating at the 32-bit accumulator's range (the membrane
     * update then fits a current to the membrane's format); returns synaptic events.
     */
    long propagate() {
        short[] w = engine.weights();
        int[] current = target;
        Spikes spikes = pre.spikes();
        long events = 0;
        for (int i = spikes.next(0); i >= 0; i = spikes.next(i + 1)) {
            int row = i * postSize;
            for (int j = 0; j < postSize; j++) {
                current[j] = Fx.clamp((long) current[j] + (w[row + j] << weightShift), Integer.MIN_VALUE,
                        Integer.MAX_VALUE);
            }
            events += postSize;
        }
        return events;
    }

    /** Runs the presynaptic-spike terms (traces not yet incremented); returns synapse updates. */
    long learnOnPreSpikes() {
        if (!engine.hasTerms(Gate.PRE_SPIKE)) {
            return 0;
        }
        int[] preTrace = pre.traceArray();
        int[] postTrace = post.traceArray();
        Spikes postSpikes = post.spikes();
        long updates = 0;
        for (int i = pre.spikes().next(0); i >= 0; i = pre.spikes().next(i + 1)) {
            int row = i * postSize;
            for (int j = 0; j < postSize; j++) {
                int postSpike = postSpikes.get(j) ? 1 : 0;
                if (engine.update(Gate.PRE_SPIKE, row + j, preTrace[i], 1, postTrace[j], postSpike)) {
                    changedPosts.set(j);
                }
            }
            updates += postSize;
        }
        return updates;
    }

    /** Runs the postsynaptic-spike terms (traces incremented); returns synapse updates. */
    long learnOnPostSpikes() {
        if (!engine.hasTerms(Gate.POST_SPIKE)) {
            return 0;
        }
        int[] preTrace = pre.traceArray();
        int[] postTrace = post.traceArray();
        Spikes preSpikes = pre.spikes();
        long updates = 0;
        for (int j = post.spikes().next(0); j >= 0; j = post.spikes().next(j + 1)) {
            for (int i = 0; i < pre.size(); i++) {
                int preSpike = preSpikes.get(i) ? 1 : 0;
                if (engine.update(Gate.POST_SPIKE, i * postSize + j, preTrace[i], preSpike, postTrace[j], 1)) {
                    changedPosts.set(j);
                }
            }
            updates += pre.size();
        }
        return updates;
    }

    /** Runs the modulator-gated terms (when the modulator is active) and the every-tick terms. */
    long learnEverywhere() {
        long updates = 0;
        if (engine.hasTerms(Gate.MODULATOR) && engine.modulatorActive()) {
            updates += sweep(Gate.MODULATOR);
        }
        if (engine.hasTerms(Gate.EVERY_TICK)) {
            updates += sweep(Gate.EVERY_TICK);
        }
        return updates;
    }

    /**
     * Runs {@code gate}'s terms on every synapse that can have a non-zero term: when every term multiplies a pre (or
     * post) trace or spike, neurons with a zero trace and no spike are skipped. Skipped terms are exactly zero, so
     * the result (and the PRNG sequence) is the same as a full sweep.
     */
    private long sweep(Gate gate) {
        int[] preTrace = pre.traceArray();
        int[] postTrace = post.traceArray();
        Spikes preSpikes = pre.spikes();
        Spikes postSpikes = post.spikes();
        boolean skipQuietPre = engine.needsPreActivity(gate);
        boolean skipQuietPost = engine.needsPostActivity(gate);
        long updates = 0;
        for (int i = 0; i < pre.size(); i++) {
            int preSpike = preSpikes.get(i) ? 1 : 0;
            if (skipQuietPre && preTrace[i] == 0 && preSpike == 0) {
                continue;
            }
            int row = i * postSize;
            for (int j = 0; j < postSize; j++) {
                int postSpike = postSpikes.get(j) ? 1 : 0;
                if (skipQuietPost && postTrace[j] == 0 && postSpike == 0) {
                    continue;
                }
                if (engine.update(gate, row + j, preTrace[i], preSpike, postTrace[j], postSpike)) {
                    changedPosts.set(j);
                }
                updates++;
            }
        }
        return updates;
    }

    /** Normalises the weight sums of postsynaptic neurons whose weights changed this tick; returns synapse updates. */
    long normaliseChanged() {
        long updates = 0;
        if (engine.normalises()) {
            for (int j = changedPosts.next(0); j >= 0; j = changedPosts.next(j + 1)) {
                updates += engine.normalise(j);
            }
        }
        changedPosts.clear();
        return updates;
    }

    /** Visits this projection's plastic arrays (see {@link Network#visitState}). */
    void visitState(StateVisitor visitor) {
        visitor.visit(sectionNames[0], engine.weights(), sectionLegal[0]);
        if (engine.eligibilityArray() != null) {
            visitor.visit(sectionNames[1], engine.eligibilityArray(), sectionLegal[1]);
        }
        if (engine.consolidationArray() != null) {
            visitor.visit(sectionNames[2], engine.consolidationArray(), sectionLegal[2]);
        }
    }

    /** Bytes of synaptic state. */
    long stateBytes() {
        return engine.weightBytes() + engine.eligibilityBytes() + engine.consolidationBytes() + 2L * Integer.BYTES;
    }
}
