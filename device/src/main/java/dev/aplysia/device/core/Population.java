package dev.aplysia.device.core;

import dev.aplysia.device.fixed.Fx;
import dev.aplysia.device.fixed.QFormat;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.ReceptorSpec;
import dev.aplysia.device.model.TraceSpec;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed-point state of one population: membrane {@code v}, adaptive threshold, excitability and synaptic
 * current in the neuron's membrane format, refractory counters, receptor variables in {@link ReceptorSpec#G},
 * traces in {@link TraceSpec#FORMAT}, this tick's spikes, and for a Poisson source its spike schedule. The
 * equations are those of {@link NeuronSpec}, {@link ReceptorSpec} and {@link TraceSpec}; nothing here allocates
 * after construction.
 */
public final class Population {

    private final PopulationSpec spec;
    private final int size;
    private final Spikes spikes;
    private final Traces traces;

    private final int[] v;
    private final int[] adapt;
    private final int[] bias;
    private final short[] refractory;
    private final int[] current;
    private final int[] injected;
    private final QFormat membrane;
    private final int rest;
    private final int decay;
    private final int threshold;
    private final int reset;
    private final int refractoryTicks;
    private final int adaptIncrement;
    private final int adaptDecay;
    private final int initialBias;
    private final int biasDecrement;
    private final int winners;
    private final int[] winnerIndex;
    private final int[] winnerMargin;
    private int excitabilityGain = Fx.ONE_Q15;
    private final String[] sectionNames;
    private final StateConstraint[] sectionLegal;
    private final int[][] receptorG;
    private final int[] receptorDecay;
    private final int[] receptorGain;
    private final int[] reversal;
    private final boolean[] conductance;
    private final int currentShift;
    private final String[] receptorSections;
    private final StateConstraint[] receptorLegal;
    private final PoissonInputs poisson;
    private final String dueSection;

    /** The population {@code spec} of {@code network} (whose seed and projections it needs). */
    Population(NetworkSpec network, PopulationSpec spec) {
        this.spec = spec;
        this.size = spec.size();
        this.spikes = new Spikes(size);
        this.traces = new Traces(size, spec.trace());
        NeuronSpec n = spec.neuron();
        boolean lif = n != null;
        this.membrane = lif ? n.membrane() : NeuronSpec.MEMBRANE;
        this.v = lif ? new int[size] : null;
        this.adapt = lif ? new int[size] : null;
        this.bias = lif ? new int[size] : null;
        this.refractory = lif ? new short[size] : null;
        this.current = lif ? new int[size] : null;
        this.injected = lif ? new int[size] : null;
        this.rest = lif ? raw(n.rest()) : 0;
        this.decay = lif ? Fx.decayQ16(n.decay()) : 0;
        this.threshold = lif ? raw(n.threshold()) : 0;
        this.reset = lif ? raw(n.reset()) : 0;
        this.refractoryTicks = lif ? n.refractoryTicks() : 0;
        this.adaptIncrement = lif ? raw(n.thresholdIncrement()) : 0;
        this.adaptDecay = lif ? Fx.decayQ16(n.thresholdDecay()) : 0;
        this.initialBias = lif ? raw(n.bias()) : 0;
        this.biasDecrement = lif ? raw(n.biasDecrement()) : 0;
        this.winners = spec.winners();
        this.winnerIndex = new int[Math.max(1, winners)];
        this.winnerMargin = new int[Math.max(1, winners)];
        this.sectionNames = java.util.stream.Stream.of("membrane", "adaptation", "excitability", "refractory", "trace",
                        "trace_age")
                .map(kind -> spec.name() + "." + kind).toArray(String[]::new);
        this.sectionLegal = new StateConstraint[] {ValueRange.of(membrane),
            new ValueRange("the adaptive threshold's range (never negative)", 0, membrane.maxRaw()),
            new ValueRange("the excitability's range (it starts at the initial bias and is only spent)", 0,
                    Math.max(0, initialBias)),
            new ValueRange("the refractory period", 0, refractoryTicks), traceRange(spec.trace()),
            traces.ageRange()};
        if (lif) {
            Arrays.fill(v, reset);
            Arrays.fill(bias, initialBias);
        }
        List<ReceptorSpec> receptors = lif ? n.receptors() : List.of();
        int count = receptors.size();
        this.receptorG = new int[count][size];
        this.receptorDecay = new int[count];
        this.receptorGain = new int[count];
        this.reversal = new int[count];
        this.conductance = new boolean[count];
        this.receptorSections = new String[count];
        this.receptorLegal = new StateConstraint[count];
        for (int r = 0; r < count; r++) {
            ReceptorSpec receptor = receptors.get(r);
            receptorDecay[r] = Fx.decayQ16(receptor.decay());
            receptorGain[r] = (int) ReceptorSpec.GAIN.toRaw(receptor.gain());
            reversal[r] = raw(receptor.reversal());
            conductance[r] = receptor.isConductance();
            receptorSections[r] = spec.name() + "." + receptor.name() + ".g";
            receptorLegal[r] = receptorRange(network.projectionsInto(spec.name(), receptor.name()));
        }
        this.currentShift = ReceptorSpec.G.fraction() + ReceptorSpec.GAIN.fraction() - membrane.fraction();
        this.poisson = spec.isPoisson()
                ? new PoissonInputs(spec.poisson(), size, network.seed(), network.poissonLane(spec.name())) : null;
        this.dueSection = spec.name() + ".due";
    }

    /**
     * A receptor's variable is a leaking sum of the weights that feed it: never negative when no feeding weight can
     * be, never positive when none can be positive.
     */
    private static ValueRange receptorRange(List<ProjectionSpec> feeding) {
        QFormat g = ReceptorSpec.G;
        boolean negative = feeding.stream().anyMatch(p -> p.wMin() < 0);
        boolean positive = feeding.stream().anyMatch(p -> p.wMax() > 0);
        return new ValueRange("the range of a receptor fed by weights in "
                + feeding.stream().map(p -> "[" + p.wMin() + ", " + p.wMax() + "]").toList() + " (" + g + ")",
                negative ? g.minRaw() : 0, positive ? g.maxRaw() : 0);
    }

    /**
     * A trace keeps the sign of its increment: it starts at 0, leaks toward 0, and a spike adds the increment
     * (saturating) or sets it.
     */
    private static ValueRange traceRange(TraceSpec trace) {
        QFormat f = TraceSpec.FORMAT;
        boolean traceSet = trace.mode() == TraceSpec.Mode.SET;
        long traceIncrement = f.toRaw(trace.increment());
        long lo = traceSet ? Math.min(0, traceIncrement) : traceIncrement < 0 ? f.minRaw() : 0;
        long hi = traceSet ? Math.max(0, traceIncrement) : traceIncrement < 0 ? 0 : f.maxRaw();
        return new ValueRange("the range of a trace incremented by " + traceIncrement + " (" + f + ")", lo, hi);
    }

    private int raw(double real) {
        return (int) membrane.toRaw(real);
    }

    /** The spec this population was built from. */
    public PopulationSpec spec() {
        return spec;
    }

    /** Number of neurons. */
    public int size() {
        return size;
    }

    /** This tick's spikes. An encoder writes them for an input population before {@link Network#step()}. */
    public Spikes spikes() {
        return spikes;
    }

    /** Raw trace of neuron {@code i} in {@link TraceSpec#FORMAT}. */
    public int trace(int i) {
        return traces.value(i);
    }

    /** Raw membrane potential of neuron {@code i}. */
    public int membrane(int i) {
        return v[i];
    }

    /** Raw adaptive threshold of neuron {@code i}. */
    public int adaptation(int i) {
        return adapt[i];
    }

    /** Raw excitability of neuron {@code i}. */
    public int excitability(int i) {
        return bias[i];
    }

    /** Right shift of a current receptor's {@code gain * g} product to the membrane's fraction bits. */
    public int receptorCurrentShift() {
        return currentShift;
    }

    /** The membrane format. */
    public QFormat membraneFormat() {
        return membrane;
    }

    /**
     * Sets a current injected into neuron {@code i} every tick until changed (a teacher, a sensor drive, a test
     * stimulus), in real membrane units.
     */
    public void inject(int i, double real) {
        injected[i] = raw(real);
    }

    /**
     * Sets the membrane potential of neuron {@code i} (an initial condition, such as a protocol's {@code v(0)}), real
     * membrane units, saturated to the membrane's format.
     */
    public void setMembrane(int i, double real) {
        v[i] = raw(real);
    }

    /** Raw variable of receptor {@code r} (in declaration order) of neuron {@code i}, in {@link ReceptorSpec#G}. */
    public int receptor(int r, int i) {
        return receptorG[r][i];
    }

    /** Sets an injected current as a raw membrane value. */
    public void injectRaw(int i, int rawCurrent) {
        injected[i] = rawCurrent;
    }

    /**
     * Scales every neuron's excitability by {@code gain} (1 = as learned) until changed: a neuromodulatory gain on
     * intrinsic excitability. Raised during a significant presentation, it lets a fresh neuron win over every learned
     * one, so a significant event forms a memory of its own instead of merging into a similar one. Not part of the
     * learned state.
     *
     * @param gain in [0, 4)
     */
    public void setExcitabilityGain(double gain) {
        excitabilityGain = excitabilityGainQ15(gain);
    }

    /**
     * An excitability gain as the Q15 raw value {@link #setExcitabilityGain} holds.
     *
     * @param gain in [0, 4)
     */
    public static int excitabilityGainQ15(double gain) {
        if (!(gain >= 0 && gain < 4)) {
            throw new IllegalArgumentException("excitability gain must be in [0, 4), got " + gain);
        }
        return (int) Fx.toFixed(gain, 15);
    }

    /** Stops every injected current. */
    public void clearInjected() {
        if (injected != null) {
            Arrays.fill(injected, 0);
        }
    }

    int[] currentArray() {
        return current;
    }

    Traces traces() {
        return traces;
    }

    int[] receptorArray(int r) {
        return receptorG[r];
    }

    /**
     * Draws this tick's spikes of a Poisson source (see {@link PoissonInputs}); returns the spikes drawn (0 for any
     * other population).
     */
    int generate(long tick) {
        return poisson == null ? 0 : poisson.generate(tick, spikes);
    }

    /** Leaks every receptor variable by one tick, before this tick's presynaptic weights arrive. */
    void decayReceptors() {
        for (int r = 0; r < receptorG.length; r++) {
            int[] g = receptorG[r];
            for (int j = 0; j < size; j++) {
                g[j] = Fx.decayTowardZero(g[j], receptorDecay[r]);
            }
        }
    }

    /** Integrates, fires and inhibits; returns the number of neuron updates done. */
    int integrate(boolean learning) {
        if (spec.isInput()) {
            return 0;
        }
        spikes.clear();
        int candidates = 0;
        for (int j = 0; j < size; j++) {
            if (refractory[j] > 0) {
                refractory[j]--;
                v[j] = reset;
                current[j] = 0;
                continue;
            }
            long excitability = learning ? Fx.mulQ15(bias[j], excitabilityGain) : 0;
            long next = receptorDrive(j, rest + Fx.decayTowardZero((long) v[j] - rest, decay))
                    + current[j] + injected[j] + excitability;
            current[j] = 0;
            v[j] = (int) membrane.fit(next);
            long margin = (long) v[j] - threshold - adapt[j];
            if (margin >= 0) {
                candidates = admit(j, (int) Math.min(margin, Integer.MAX_VALUE), candidates);
            }
        }
        fire(candidates, learning);
        return size;
    }

    /**
     * The leaked membrane of neuron {@code j} moved by each receptor in turn, fitted to the membrane's format after
     * each: a conductance closes the fraction {@code k = clamp(gain * g, 0, 1)} (Q30) of the distance to its reversal
     * potential, rounded to nearest, so it lands between the membrane and the reversal potential, both included; a
     * current adds {@code gain * g} rounded to nearest. Each product is below 2^62.
     */
    private long receptorDrive(int j, long leaked) {
        long next = leaked;
        for (int r = 0; r < receptorG.length; r++) {
            long product = (long) receptorG[r][j] * receptorGain[r];
            long drive = conductance[r]
                    ? Fx.mulQ30(Fx.clamp(Fx.shiftRound(product, ReceptorSpec.G.fraction()), 0, Fx.ONE_Q30),
                            reversal[r] - next)
                    : Fx.shiftRound(product, currentShift);
            next = membrane.fit(next + drive);
        }
        return next;
    }

    private int admit(int j, int margin, int candidates) {
        if (winners == 0) {
            spikes.set(j);
            return candidates + 1;
        }
        int n = Math.min(candidates, winners);
        if (n == winners && margin <= winnerMargin[n - 1]) {
            return candidates + 1;
        }
        int pos = n == winners ? n - 1 : n;
        while (pos > 0 && winnerMargin[pos - 1] < margin) {
            winnerMargin[pos] = winnerMargin[pos - 1];
            winnerIndex[pos] = winnerIndex[pos - 1];
            pos--;
        }
        winnerMargin[pos] = margin;
        winnerIndex[pos] = j;
        return candidates + 1;
    }

    private void fire(int candidates, boolean learning) {
        if (winners > 0) {
            int n = Math.min(candidates, winners);
            for (int k = 0; k < n; k++) {
                spikes.set(winnerIndex[k]);
            }
            if (n > 0) {
                inhibitLosers();
            }
        }
        for (int j = spikes.next(0); j >= 0; j = spikes.next(j + 1)) {
            v[j] = reset;
            refractory[j] = (short) refractoryTicks;
            if (learning) {
                adapt[j] = (int) membrane.fit((long) adapt[j] + adaptIncrement);
                bias[j] = Math.max(0, bias[j] - biasDecrement);
            }
        }
        if (learning && adaptDecay != Fx.ONE_Q16) {
            for (int j = 0; j < size; j++) {
                adapt[j] = (int) Fx.decayTowardZero(adapt[j], adaptDecay);
            }
        }
    }

    private void inhibitLosers() {
        for (int j = 0; j < size; j++) {
            if (refractory[j] == 0 && !spikes.get(j)) {
                v[j] = reset;
            }
        }
    }

    /** Moves the traces to tick {@code now} (clocked traces leak one tick); returns the traces leaked. */
    int advanceTraces(long now) {
        return traces.advance(now);
    }

    /** Adds (or sets) this tick's spikes into the traces. */
    void addSpikesToTraces() {
        traces.addSpikes(spikes);
    }

    /**
     * Clears activity (membranes, currents, receptor variables, refractory counters, traces, spikes); keeps what was
     * learned, and a Poisson source's schedule.
     */
    void resetActivity() {
        spikes.clear();
        traces.reset();
        for (int[] g : receptorG) {
            Arrays.fill(g, 0);
        }
        if (v != null) {
            Arrays.fill(v, reset);
            Arrays.fill(current, 0);
            Arrays.fill(refractory, (short) 0);
        }
    }

    /**
     * Visits this population's state arrays (see {@link Network#visitState}): membranes, adaptive thresholds,
     * excitability, refractory counters, traces, each receptor's variables, and a Poisson source's schedule as the
     * ticks from the network's tick to each input's next spike. The network's tick is {@code tick} before the visit
     * and {@code restoredTick} after it (a snapshot's); the schedule is rebuilt after {@code restoredTick}.
     */
    void visitState(StateVisitor visitor, long tick, long restoredTick) {
        if (v != null) {
            visitor.visit(sectionNames[0], v, sectionLegal[0]);
            visitor.visit(sectionNames[1], adapt, sectionLegal[1]);
            visitor.visit(sectionNames[2], bias, sectionLegal[2]);
            visitor.visit(sectionNames[3], refractory, sectionLegal[3]);
        }
        visitor.visit(sectionNames[4], traces.values(), sectionLegal[4]);
        if (traces.eventDriven()) {
            visitor.visit(sectionNames[5], traces.agesAt(tick), sectionLegal[5]);
            traces.restoreAges(restoredTick);
        }
        for (int r = 0; r < receptorG.length; r++) {
            visitor.visit(receptorSections[r], receptorG[r], receptorLegal[r]);
        }
        if (poisson != null) {
            visitor.visit(dueSection, poisson.ticksToNextSpike(tick), PoissonInputs.TICKS_TO_NEXT_SPIKE);
            poisson.restore(restoredTick);
        }
    }

    /** Bytes of state a board must hold for this population. */
    long stateBytes() {
        long perNeuron = (long) receptorG.length * ReceptorSpec.G.containerBytes();
        if (v != null) {
            perNeuron += 5L * membrane.containerBytes() + Short.BYTES;
        }
        return perNeuron * size + traces.bytes() + spikes.bytes() + (poisson == null ? 0 : poisson.stateBytes());
    }

    /** Bytes of neuron traces (with an event-driven trace's write ticks). */
    long traceBytes() {
        return traces.bytes();
    }

    /** Sets the traces' clock after a snapshot restored the network's tick. */
    void restoreTick(long now) {
        traces.restoreTick(now);
    }

    int[] membraneArray() {
        return v;
    }

    int[] adaptArray() {
        return adapt;
    }

    int[] biasArray() {
        return bias;
    }

    short[] refractoryArray() {
        return refractory;
    }
}
