package dev.aplysia.device.core;

import dev.aplysia.device.fixed.CounterRandom;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.plasticity.RuleEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * The bit-exact reference core: populations, projections and the network's random streams, built once from a
 * {@link NetworkSpec} (everything is allocated in {@link #build}) and advanced by {@link #step()}, which allocates
 * nothing. Every random number is a counter-based draw ({@link CounterRandom}) from the seed, a named stream, the
 * tick and an index, so the state holds no generator: the seed and the tick say everything.
 *
 * <p>One tick, in order:
 * <ol>
 *   <li>each Poisson input population draws its spikes ({@link PoissonInputs});</li>
 *   <li>each population in spec order leaks its receptor variables, receives its projections' spikes (into its
 *       one-tick currents or its receptors) and integrates (so feed-forward spikes arrive in the same tick; any other
 *       input population's spikes are written by an encoder beforehand);</li>
 *   <li>every trace leaks; eligibility traces leak;</li>
 *   <li>presynaptic-spike terms run (post traces do not yet hold this tick's spikes);</li>
 *   <li>this tick's spikes are added to the traces;</li>
 *   <li>postsynaptic-spike terms, modulator terms and every-tick terms run; weight sums are renormalised; the
 *       reward-prediction baselines move toward the modulator.</li>
 * </ol>
 * So a pre and a post spike in the same tick count as causal (pre before post). The eligibility leak of step 2, steps 3
 * and 5, and all threshold and excitability changes are skipped while learning is frozen; neuron traces keep leaking
 * and counting spikes (steps 2 and 4), so decoders can read them during inference.
 */
public final class Network {

    /** Name of the state section holding the tick (high and low word), the neuromodulator and the learning switch. */
    public static final String SCALARS = "scalars";

    private static final StateConstraint SCALARS_LEGAL = Network::scalarsViolation;
    private static final ValueRange BASELINES_LEGAL = ValueRange.of(RuleEngine.MODULATOR);

    private final NetworkSpec spec;
    private final McuProfile profile;
    private final Population[] populations;
    private final Projection[] projections;
    private final Projection[][] incoming;
    private final CounterRandom random;
    private final OpCounters counters = new OpCounters();
    private boolean learning = true;
    private final int[] scalars = new int[4];
    private final int[] baselines;
    private int modulator;
    private long tick;

    private Network(NetworkSpec spec, McuProfile profile, Population[] populations, Projection[] projections,
                    CounterRandom random) {
        this.spec = spec;
        this.profile = profile;
        this.populations = populations;
        this.projections = projections;
        this.random = random;
        this.baselines = new int[projections.length];
        this.incoming = new Projection[populations.length][];
        for (int p = 0; p < populations.length; p++) {
            List<Projection> in = new ArrayList<>();
            for (Projection projection : projections) {
                if (projection.post() == populations[p]) {
                    in.add(projection);
                }
            }
            incoming[p] = in.toArray(new Projection[0]);
            List<Projection> intoCurrent = in.stream().filter(projection -> !projection.spec().feedsReceptor())
                    .toList();
            long largest = intoCurrent.stream().mapToLong(Projection::largestSum).sum();
            for (Projection projection : intoCurrent) {
                projection.sumCannotOverflow(largest <= Integer.MAX_VALUE);
            }
        }
    }

    /**
     * Builds a network with the {@link Kernels#OPTIMISED} kernels and checks it against {@code profile}'s state
     * budget.
     *
     * @throws BudgetExceededException if the state does not fit, saying by how many bytes
     */
    public static Network build(NetworkSpec spec, McuProfile profile) {
        return build(spec, profile, Kernels.OPTIMISED);
    }

    /** {@link #build(NetworkSpec, McuProfile)} with the plasticity kernels of {@code kernels}. */
    public static Network build(NetworkSpec spec, McuProfile profile, Kernels kernels) {
        CounterRandom random = new CounterRandom(spec.seed());
        Population[] populations = spec.populations().stream().map(p -> new Population(spec, p))
                .toArray(Population[]::new);
        Projection[] projections = new Projection[spec.projections().size()];
        for (int k = 0; k < projections.length; k++) {
            ProjectionSpec p = spec.projections().get(k);
            Population pre = find(populations, p.pre());
            Population post = find(populations, p.post());
            short[] initial = initialWeights(p, pre.size() * post.size(),
                    random.key(CounterRandom.Stream.INITIALISATION, k));
            projections[k] = new Projection(p, pre, post, new RuleEngine(p, pre.size(), post.size(), initial, random),
                    kernels);
        }
        Network network = new Network(spec, profile, populations, projections, random);
        StateBudget budget = network.budget();
        if (!budget.fits()) {
            throw new BudgetExceededException(spec.name(), profile, budget);
        }
        return network;
    }

    private static Population find(Population[] populations, String name) {
        for (Population p : populations) {
            if (p.spec().name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no population named " + name);
    }

    /** Weights uniform in {@code [initMin, initMax]} (raw), synapse {@code s} drawing index {@code s} of {@code key}. */
    private static short[] initialWeights(ProjectionSpec p, int synapses, int key) {
        short[] w = new short[synapses];
        int lo = (int) p.weightFormat().toRaw(p.initMin());
        int hi = (int) p.weightFormat().toRaw(p.initMax());
        int span = hi - lo + 1;
        for (int s = 0; s < synapses; s++) {
            w[s] = (short) (span == 1 ? lo : lo + CounterRandom.below(key, s, span));
        }
        return w;
    }

    /** Advances the network by one tick. */
    public void step() {
        tick++;
        counters.ticks++;
        for (Population population : populations) {
            counters.neuronUpdates += population.generate(tick);
        }
        for (int p = 0; p < populations.length; p++) {
            populations[p].decayReceptors();
            for (Projection projection : incoming[p]) {
                projection.propagate(counters);
            }
            counters.neuronUpdates += populations[p].integrate(learning);
        }
        for (Population population : populations) {
            counters.traceUpdates += population.advanceTraces(tick);
        }
        if (learning) {
            for (Projection projection : projections) {
                projection.engine().beginTick(tick);
                counters.eligibilityDecays += projection.engine().decayEligibility();
                projection.learnOnPreSpikes(counters);
            }
        }
        for (Population population : populations) {
            population.addSpikesToTraces();
        }
        if (learning) {
            for (Projection projection : projections) {
                projection.learnOnPostSpikes(counters);
                projection.learnEverywhere(counters);
                counters.normalisedSynapses += projection.normaliseChanged();
                projection.engine().updateBaseline();
            }
        }
    }

    /** Sets the broadcast neuromodulator (reward, teaching or significance), held until changed; real units. */
    public void setModulator(double real) {
        setModulatorRaw((int) RuleEngine.MODULATOR.toRaw(real));
    }

    /** Sets the neuromodulator as a raw {@link RuleEngine#MODULATOR} value (saturated to its range). */
    public void setModulatorRaw(int raw) {
        modulator = (int) RuleEngine.MODULATOR.fit(raw);
        for (Projection projection : projections) {
            projection.engine().setModulator(modulator);
        }
    }

    /** The neuromodulator (raw). */
    public int modulatorRaw() {
        return modulator;
    }

    /** Freezes (false) or resumes (true) all learning: weights, eligibility, consolidation, thresholds, excitability. */
    public void setLearning(boolean enabled) {
        learning = enabled;
    }

    /** True while learning. */
    public boolean learning() {
        return learning;
    }

    /**
     * Clears activity between samples (membranes, currents, receptor variables, refractory counters, traces,
     * eligibility, spikes, injected currents); keeps weights, consolidation, thresholds, excitability, baselines, the
     * Poisson sources' schedules and the tick.
     */
    public void resetActivity() {
        for (Population population : populations) {
            population.resetActivity();
            population.clearInjected();
        }
        for (Projection projection : projections) {
            projection.engine().resetEligibility();
        }
    }

    /** The population with this name. */
    public Population population(String name) {
        return find(populations, name);
    }

    /** The projection with this name. */
    public Projection projection(String name) {
        for (Projection p : projections) {
            if (p.spec().name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no projection named " + name);
    }

    /**
     * The key of {@code stream} at this tick: an encoder loading a sample draws its phases from
     * {@code key(ENCODING)}, so they follow from the seed and the tick at which the sample arrives.
     */
    public int key(CounterRandom.Stream stream) {
        return random.key(stream, tick);
    }

    /** Ticks since build. */
    public long tick() {
        return tick;
    }

    /** Work done since build. */
    public OpCounters counters() {
        return counters;
    }

    /** The spec. */
    public NetworkSpec spec() {
        return spec;
    }

    /** The profile this network was checked against. */
    public McuProfile profile() {
        return profile;
    }

    /** Bytes of state, by kind, against the profile's budget. */
    public StateBudget budget() {
        long weights = 0;
        long eligibility = 0;
        long consolidation = 0;
        long synapseOther = 0;
        for (Projection p : projections) {
            weights += p.engine().weightBytes();
            eligibility += p.engine().eligibilityBytes();
            consolidation += p.engine().consolidationBytes();
            synapseOther += p.stateBytes() - p.engine().weightBytes() - p.engine().eligibilityBytes()
                    - p.engine().consolidationBytes();
        }
        long traces = 0;
        long neurons = synapseOther + 2L * Long.BYTES + 2 * Integer.BYTES; // seed, tick, modulator, learning
        for (Population p : populations) {
            traces += p.traceBytes();
            neurons += p.stateBytes() - p.traceBytes();
        }
        return new StateBudget(weights, traces + eligibility, consolidation, neurons, profile.stateBudgetBytes());
    }

    /**
     * Visits the whole state in a fixed order, each array with its constraint: scalars (tick, modulator, learning
     * switch: {@link #SCALARS}), then per population its membranes, adaptive thresholds, excitability, refractory
     * counters, traces, receptor variables and a Poisson source's schedule (as ticks after the tick, see
     * {@link Population#visitState}), then per projection its weights, eligibility and consolidation, and last the
     * projections' reward baselines. After the visit the scalars and the baselines are taken back from the visited
     * arrays, so a visitor that fills arrays restores a snapshot exactly.
     * This tick's spikes and the (always empty between ticks) synaptic currents are not part of the state. Visiting
     * allocates nothing: the scalar arrays are the network's own scratch, valid during the visit only.
     */
    public void visitState(StateVisitor visitor) {
        scalars[0] = (int) (tick >>> 32);
        scalars[1] = (int) tick;
        scalars[2] = modulator;
        scalars[3] = learning ? 1 : 0;
        visitor.visit(SCALARS, scalars, SCALARS_LEGAL);
        long restoredTick = tick(scalars);
        for (Population p : populations) {
            p.visitState(visitor, tick, restoredTick);
        }
        for (int k = 0; k < projections.length; k++) {
            baselines[k] = projections[k].engine().baseline();
            projections[k].visitState(visitor);
        }
        visitor.visit("baselines", baselines, BASELINES_LEGAL);
        tick = restoredTick;
        for (Population p : populations) {
            p.restoreTick(tick);
        }
        setModulatorRaw(scalars[2]);
        learning = scalars[3] != 0;
        for (int k = 0; k < projections.length; k++) {
            projections[k].engine().restoreBaseline(baselines[k]);
            projections[k].engine().markEveryRowLive();
        }
    }

    /** The tick held in a {@link #SCALARS} section. */
    public static long tick(int[] scalars) {
        return ((long) scalars[0] << 32) | (scalars[1] & 0xFFFFFFFFL);
    }

    /**
     * The range of each value of a {@link #SCALARS} section, in order (the tick's high and low word, the
     * neuromodulator, the learning switch): exactly the values the scalars' constraint accepts, for a port that
     * checks snapshots with ranges only.
     */
    public static List<ValueRange> scalarRanges() {
        return List.of(new ValueRange("a tick's high word (the tick is not negative)", 0, Integer.MAX_VALUE),
                new ValueRange("a tick's low word", Integer.MIN_VALUE, Integer.MAX_VALUE),
                ValueRange.of(RuleEngine.MODULATOR), new ValueRange("a learning switch", 0, 1));
    }

    /** A tick that is not negative, a neuromodulator within its format, a learning switch of 0 or 1. */
    private static String scalarsViolation(int[] scalars) {
        long tick = tick(scalars);
        if (tick < 0) {
            return "tick " + tick + " is negative";
        }
        if (scalars[2] < RuleEngine.MODULATOR.minRaw() || scalars[2] > RuleEngine.MODULATOR.maxRaw()) {
            return "neuromodulator " + scalars[2] + " is outside " + RuleEngine.MODULATOR + " ("
                    + RuleEngine.MODULATOR.minRaw() + ".." + RuleEngine.MODULATOR.maxRaw() + ")";
        }
        if (scalars[3] != 0 && scalars[3] != 1) {
            return "learning switch " + scalars[3] + " is neither 0 nor 1";
        }
        return null;
    }

    /** Names of the populations in step order. */
    public List<String> populationNames() {
        return spec.populations().stream().map(PopulationSpec::name).toList();
    }
}
