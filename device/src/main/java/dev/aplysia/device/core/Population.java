package dev.aplysia.device.core;

import dev.aplysia.device.fixed.Fx;
import dev.aplysia.device.fixed.QFormat;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.TraceSpec;
import java.util.Arrays;

/**
 * The fixed-point state of one population: membrane {@code v}, adaptive threshold, excitability and synaptic
 * current in the neuron's membrane format, refractory counters, traces in {@link TraceSpec#FORMAT}, and this tick's
 * spikes. The equations are those of {@link NeuronSpec} and {@link TraceSpec}; nothing here allocates after
 * construction.
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

    Population(PopulationSpec spec) {
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
                        "trace_tick")
                .map(kind -> spec.name() + "." + kind).toArray(String[]::new);
        this.sectionLegal = new StateConstraint[] {ValueRange.of(membrane),
            new ValueRange("the adaptive threshold's range (never negative)", 0, membrane.maxRaw()),
            new ValueRange("the excitability's range (it starts at the initial bias and is only spent)", 0,
                    Math.max(0, initialBias)),
            new ValueRange("the refractory period", 0, refractoryTicks), traceRange(spec.trace()),
            ticks -> null};
        if (lif) {
            Arrays.fill(v, reset);
            Arrays.fill(bias, initialBias);
        }
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
        if (!(gain >= 0 && gain < 4)) {
            throw new IllegalArgumentException("excitability gain must be in [0, 4), got " + gain);
        }
        excitabilityGain = (int) Fx.toFixed(gain, 15);
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
            long next = Fx.decayTowardZero(v[j], decay) + (long) current[j] + injected[j] + excitability;
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

    /** Moves the traces to tick {@code now} (clocked traces leak one tick). */
    void advanceTraces(long now) {
        traces.advance(now);
    }

    /** Adds (or sets) this tick's spikes into the traces. */
    void addSpikesToTraces() {
        traces.addSpikes(spikes);
    }

    /** Clears activity (membranes, currents, refractory counters, traces, spikes); keeps what was learned. */
    void resetActivity() {
        spikes.clear();
        traces.reset();
        if (v != null) {
            Arrays.fill(v, reset);
            Arrays.fill(current, 0);
            Arrays.fill(refractory, (short) 0);
        }
    }

    /** Visits this population's state arrays (see {@link Network#visitState}). */
    void visitState(StateVisitor visitor) {
        if (v != null) {
            visitor.visit(sectionNames[0], v, sectionLegal[0]);
            visitor.visit(sectionNames[1], adapt, sectionLegal[1]);
            visitor.visit(sectionNames[2], bias, sectionLegal[2]);
            visitor.visit(sectionNames[3], refractory, sectionLegal[3]);
        }
        visitor.visit(sectionNames[4], traces.values(), sectionLegal[4]);
        if (traces.writtenTicks() != null) {
            visitor.visit(sectionNames[5], traces.writtenTicks(), sectionLegal[5]);
        }
    }

    /** Bytes of state a board must hold for this population. */
    long stateBytes() {
        long perNeuron = v == null ? 0 : 5L * membrane.containerBytes() + Short.BYTES;
        return perNeuron * size + traces.bytes() + spikes.bytes();
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
