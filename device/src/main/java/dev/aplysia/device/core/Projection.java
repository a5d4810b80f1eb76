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
 *
 * <p>Each spike gate runs one of two ways, chosen when the network is built ({@link Kernels}): the reference walks
 * the synapses and asks {@link RuleEngine#update} for each; a vector kernel, allowed when the gate's terms are
 * {@link RuleEngine#separable}, evaluates the terms once per neuron of one side and applies them row by row:
 * <ul>
 *   <li>presynaptic spikes, terms that read only the postsynaptic side and the modulator (the depression of pair
 *       STDP): a vector over the post neurons, added along each spiking row;</li>
 *   <li>postsynaptic spikes, terms that read only the presynaptic side (the potentiation of pair STDP): a vector
 *       over the pre neurons, each applied to its row at the columns of this tick's spiking post neurons, so no
 *       weight column is walked.</li>
 * </ul>
 * Both give the reference's bits: the same term arithmetic, the same rounding, and rounding draws that depend on
 * the synapse, not on the order of the visit.
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
    private final Deltas preSpikeDeltas;
    private final Deltas postSpikeDeltas;
    private final int[] firedPosts;
    private boolean sumCannotOverflow;
    private final boolean sparseModulatorSweep;
    private final boolean sparseEveryTickSweep;

    Projection(ProjectionSpec spec, Population pre, Population post, RuleEngine engine, Kernels kernels) {
        this.spec = spec;
        this.pre = pre;
        this.post = post;
        this.postSize = post.size();
        this.engine = engine;
        this.changedPosts = new Spikes(postSize);
        this.preSpikeDeltas = kernels.vectorOnPreSpikes(engine) ? new Deltas(engine, Gate.PRE_SPIKE, postSize) : null;
        this.postSpikeDeltas = kernels.vectorOnPostSpikes(engine) ? new Deltas(engine, Gate.POST_SPIKE, pre.size())
                : null;
        this.firedPosts = new int[postSize];
        this.sparseModulatorSweep = kernels.sparseOnEligibility(engine, Gate.MODULATOR);
        this.sparseEveryTickSweep = kernels.sparseOnEligibility(engine, Gate.EVERY_TICK);
        if (kernels == Kernels.OPTIMISED) {
            engine.trackLiveRows();
        }
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

    /**
     * Left shift aligning a weight to its target's fraction bits: the postsynaptic membrane's, or
     * {@link ReceptorSpec#G}'s for a projection into a receptor.
     */
    public int weightShift() {
        return weightShift;
    }

    /** True if {@link #propagate} adds without saturating: the weight bounds prove no tick's sum can overflow. */
    public boolean sumCannotOverflow() {
        return sumCannotOverflow;
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
     * update then fits a current to the membrane's format); returns synaptic events. When the weight bounds prove
     * that no tick's sum can leave that range, the add is plain. Counts the events into {@code counters}.
     */
    void propagate(OpCounters counters) {
        short[] w = engine.weights();
        int[] current = target;
        Spikes spikes = pre.spikes();
        long events = 0;
        for (int i = spikes.next(0); i >= 0; i = spikes.next(i + 1)) {
            int row = i * postSize;
            if (sumCannotOverflow) {
                for (int j = 0; j < postSize; j++) {
                    current[j] += w[row + j] << weightShift;
                }
            } else {
                for (int j = 0; j < postSize; j++) {
                    current[j] = Fx.clamp((long) current[j] + (w[row + j] << weightShift), Integer.MIN_VALUE,
                            Integer.MAX_VALUE);
                }
            }
            events += postSize;
        }
        counters.synapticEvents += events;
    }

    /** The largest magnitude this projection can add to one postsynaptic current in a tick (every input spiking). */
    long largestSum() {
        long w = Math.max(Math.abs((long) engine.weightMin()), Math.abs((long) engine.weightMax()));
        return pre.size() * (w << weightShift);
    }

    /**
     * Told by the network when every projection into the same population's one-tick current together cannot leave
     * the 32-bit range: then {@link #propagate} adds without saturating, which gives the same bits and vectorises. A
     * receptor's variable carries over from tick to tick, so a projection that feeds one always saturates.
     */
    void sumCannotOverflow(boolean cannot) {
        sumCannotOverflow = cannot;
    }

    /**
     * The kernel each gate runs: {@code reference}, {@code post-vector} or {@code pre-vector} on the spike gates;
     * {@code reference} or {@code sparse} on the modulator gate.
     */
    public String kernels() {
        return "pre-spike: " + (preSpikeDeltas == null ? "reference" : "post-vector") + ", post-spike: "
                + (postSpikeDeltas == null ? "reference" : "pre-vector") + ", modulator: "
                + (sparseModulatorSweep ? "sparse" : "reference");
    }

    /** Runs the presynaptic-spike terms (traces not yet incremented), counting the visits into {@code counters}. */
    void learnOnPreSpikes(OpCounters counters) {
        if (engine.hasTerms(Gate.PRE_SPIKE)) {
            count(counters, Gate.PRE_SPIKE, preSpikeDeltas == null ? interpretPreSpikes() : vectorPreSpikes());
        }
    }

    /**
     * Adds {@code visits} synapse visits of {@code gate}, their terms, and the event-driven traces each reads (its pre
     * and its post neuron's), to {@code counters}.
     */
    private void count(OpCounters counters, Gate gate, long visits) {
        counters.synapseUpdates += visits;
        counters.termUpdates += visits * engine.termCount(gate);
        counters.eventTraceReads += visits * ((pre.traces().eventDriven() ? 1 : 0)
                + (post.traces().eventDriven() ? 1 : 0));
    }

    /** The post-vector kernel: terms once per post neuron, added along each spiking row. */
    private long vectorPreSpikes() {
        Spikes preSpikes = pre.spikes();
        int first = preSpikes.next(0);
        if (first < 0) {
            return 0;
        }
        Traces postTrace = post.traces();
        Spikes postSpikes = post.spikes();
        preSpikeDeltas.beginTick();
        for (int j = 0; j < postSize; j++) {
            preSpikeDeltas.set(j, 0, 1, postTrace.value(j), postSpikes.get(j) ? 1 : 0);
        }
        long updates = 0;
        for (int i = first; i >= 0; i = preSpikes.next(i + 1)) {
            preSpikeDeltas.applyAlongRow(i, i * postSize, postSize);
            updates += postSize;
        }
        return updates;
    }

    /** The reference walk of the presynaptic-spike gate. */
    private long interpretPreSpikes() {
        Traces preTrace = pre.traces();
        Traces postTrace = post.traces();
        Spikes postSpikes = post.spikes();
        long updates = 0;
        for (int i = pre.spikes().next(0); i >= 0; i = pre.spikes().next(i + 1)) {
            int row = i * postSize;
            for (int j = 0; j < postSize; j++) {
                int postSpike = postSpikes.get(j) ? 1 : 0;
                if (engine.update(Gate.PRE_SPIKE, row + j, preTrace.value(i), 1, postTrace.value(j), postSpike)) {
                    changedPosts.set(j);
                }
            }
            updates += postSize;
        }
        return updates;
    }

    /** Runs the postsynaptic-spike terms (traces incremented), counting the visits into {@code counters}. */
    void learnOnPostSpikes(OpCounters counters) {
        if (engine.hasTerms(Gate.POST_SPIKE)) {
            count(counters, Gate.POST_SPIKE, postSpikeDeltas == null ? interpretPostSpikes() : vectorPostSpikes());
        }
    }

    /** The pre-vector kernel: terms once per pre neuron, each applied to its row at the fired columns. */
    private long vectorPostSpikes() {
        int fired = 0;
        Spikes postSpikes = post.spikes();
        for (int j = postSpikes.next(0); j >= 0; j = postSpikes.next(j + 1)) {
            firedPosts[fired++] = j;
        }
        if (fired == 0) {
            return 0;
        }
        Traces preTrace = pre.traces();
        Spikes preSpikes = pre.spikes();
        postSpikeDeltas.beginTick();
        for (int i = 0; i < pre.size(); i++) {
            if (postSpikeDeltas.set(i, preTrace.value(i), preSpikes.get(i) ? 1 : 0, 0, 1)) {
                postSpikeDeltas.applyToColumns(i, i * postSize, firedPosts, fired);
            }
        }
        return (long) fired * pre.size();
    }

    /** The reference walk of the postsynaptic-spike gate. */
    private long interpretPostSpikes() {
        Traces preTrace = pre.traces();
        Traces postTrace = post.traces();
        Spikes preSpikes = pre.spikes();
        long updates = 0;
        for (int j = post.spikes().next(0); j >= 0; j = post.spikes().next(j + 1)) {
            for (int i = 0; i < pre.size(); i++) {
                int preSpike = preSpikes.get(i) ? 1 : 0;
                if (engine.update(Gate.POST_SPIKE, i * postSize + j, preTrace.value(i), preSpike, postTrace.value(j), 1)) {
                    changedPosts.set(j);
                }
            }
            updates += pre.size();
        }
        return updates;
    }

    /**
     * Runs the modulator-gated terms (when the modulator is active) and the every-tick terms, counting the visits
     * into {@code counters}.
     */
    void learnEverywhere(OpCounters counters) {
        if (engine.hasTerms(Gate.MODULATOR) && engine.modulatorActive()) {
            learnEverywhere(counters, Gate.MODULATOR, sparseModulatorSweep);
        }
        if (engine.hasTerms(Gate.EVERY_TICK)) {
            learnEverywhere(counters, Gate.EVERY_TICK, sparseEveryTickSweep);
        }
    }

    /**
     * Sweeps {@code gate}, counting its activity checks and visits; the active posts, which both need only when the
     * gate needs the pre side or the sweep skips dead rows, are counted once for both.
     */
    private void learnEverywhere(OpCounters counters, Gate gate, boolean onlyEligible) {
        boolean needActive = engine.needsPreActivity(gate) || onlyEligible;
        int activePosts = needActive ? activePosts(engine.needsPostActivity(gate)) : postSize;
        countActivityChecks(counters, gate, activePosts);
        count(counters, gate, sweep(gate, onlyEligible, activePosts));
    }

    /**
     * Counts the neurons the C core's sweep of {@code gate} checks for quiet: each post neuron once, and each pre
     * neuron once per active post, when the gate needs the post side (posts are its outer loop); else each pre neuron
     * once, when the gate needs the pre side.
     */
    private void countActivityChecks(OpCounters counters, Gate gate, int activePosts) {
        boolean needsPre = engine.needsPreActivity(gate);
        long postChecks = 0;
        long preChecks = 0;
        if (engine.needsPostActivity(gate)) {
            postChecks = postSize;
            preChecks = needsPre ? (long) activePosts * pre.size() : 0;
        } else if (needsPre) {
            preChecks = pre.size();
        }
        counters.activityChecks += postChecks + preChecks;
        counters.eventTraceReads += (post.traces().eventDriven() ? postChecks : 0)
                + (pre.traces().eventDriven() ? preChecks : 0);
    }

    /**
     * Runs {@code gate}'s terms on every synapse that can have a non-zero term: when every term multiplies a pre (or
     * post) trace or spike, neurons with a zero trace and no spike are skipped; {@code onlyEligible} (every term
     * multiplies the eligibility: the sparse kernel) also skips the rows not live and the synapses with a zero
     * eligibility. Skipped terms are exactly zero, so the result is the same as a full sweep (rounding draws depend on
     * the synapse, not on the visit order). {@code activePosts} is the posts a row visits (see {@link #activePosts}).
     * Returns the visits of the C core's sweep, which skips only quiet neurons.
     */
    private long sweep(Gate gate, boolean onlyEligible, int activePosts) {
        Traces preTrace = pre.traces();
        Traces postTrace = post.traces();
        Spikes preSpikes = pre.spikes();
        Spikes postSpikes = post.spikes();
        short[] eligibility = engine.eligibilityArray();
        boolean skipQuietPre = engine.needsPreActivity(gate);
        boolean skipQuietPost = engine.needsPostActivity(gate);
        long visits = 0;
        for (int i = 0; i < pre.size(); i++) {
            int preSpike = preSpikes.get(i) ? 1 : 0;
            if (skipQuietPre && preTrace.value(i) == 0 && preSpike == 0) {
                continue;
            }
            if (onlyEligible && !engine.rowLive(i)) {
                visits += activePosts;
                continue;
            }
            int row = i * postSize;
            for (int j = 0; j < postSize; j++) {
                int postSpike = postSpikes.get(j) ? 1 : 0;
                if (skipQuietPost && postTrace.value(j) == 0 && postSpike == 0) {
                    continue;
                }
                visits++;
                if (onlyEligible && eligibility[row + j] == 0) {
                    continue;
                }
                if (engine.update(gate, row + j, preTrace.value(i), preSpike, postTrace.value(j), postSpike)) {
                    changedPosts.set(j);
                }
            }
        }
        return visits;
    }

    /** The post neurons a sweep visits in each row: all, or those with a trace or a spike when quiet ones skip. */
    private int activePosts(boolean skipQuietPost) {
        if (!skipQuietPost) {
            return postSize;
        }
        Traces postTrace = post.traces();
        Spikes postSpikes = post.spikes();
        int active = 0;
        for (int j = 0; j < postSize; j++) {
            active += postTrace.value(j) != 0 || postSpikes.get(j) ? 1 : 0;
        }
        return active;
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
