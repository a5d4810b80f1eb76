package dev.aplysia.device.reference;

import dev.aplysia.device.core.PoissonInputs;
import dev.aplysia.device.core.Spikes;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ReceptorSpec;
import dev.aplysia.device.model.TraceSpec;
import java.util.Arrays;
import java.util.List;

/**
 * The float twin of {@link dev.aplysia.device.core.Population}: the equations of {@link NeuronSpec},
 * {@link ReceptorSpec} and {@link TraceSpec} in real membrane, weight and trace units, with the spec's exact
 * parameters (no Q16 decays, no rounding, no saturation). Leaks are plain products, so nothing is lost to rounding
 * toward zero. A Poisson source draws its spikes with the core's own integer schedule ({@link PoissonInputs}), so the
 * twin receives exactly the core's input spike trains.
 */
public final class FloatPopulation {

    private final PopulationSpec spec;
    private final int size;
    private final Spikes spikes;
    private final double[] trace;
    private final double traceDecay;
    private final double traceIncrement;
    private final boolean traceSet;

    private final NeuronSpec neuron;
    private final double[] v;
    private final double[] adapt;
    private final double[] bias;
    private final int[] refractory;
    private final double[] current;
    private final double[] injected;
    private double excitabilityGain = 1;
    private final int winners;
    private final int[] winnerIndex;
    private final double[] winnerMargin;
    private final ReceptorSpec[] receptors;
    private final double[][] receptorG;
    private final PoissonInputs poisson;

    FloatPopulation(NetworkSpec network, PopulationSpec spec) {
        this.spec = spec;
        this.size = spec.size();
        this.spikes = new Spikes(size);
        this.trace = new double[size];
        TraceSpec t = spec.trace();
        this.traceDecay = t.decay();
        this.traceIncrement = t.increment();
        this.traceSet = t.mode() == TraceSpec.Mode.SET;
        this.neuron = spec.neuron();
        boolean lif = neuron != null;
        this.v = lif ? new double[size] : null;
        this.adapt = lif ? new double[size] : null;
        this.bias = lif ? new double[size] : null;
        this.refractory = lif ? new int[size] : null;
        this.current = lif ? new double[size] : null;
        this.injected = lif ? new double[size] : null;
        this.winners = spec.winners();
        this.winnerIndex = new int[Math.max(1, winners)];
        this.winnerMargin = new double[Math.max(1, winners)];
        if (lif) {
            Arrays.fill(v, neuron.reset());
            Arrays.fill(bias, neuron.bias());
        }
        this.receptors = (lif ? neuron.receptors() : List.<ReceptorSpec>of()).toArray(ReceptorSpec[]::new);
        this.receptorG = new double[receptors.length][size];
        this.poisson = spec.isPoisson()
                ? new PoissonInputs(spec.poisson(), size, network.seed(), network.poissonLane(spec.name())) : null;
    }

    /** The spec this population was built from. */
    public PopulationSpec spec() {
        return spec;
    }

    /** Number of neurons. */
    public int size() {
        return size;
    }

    /** This tick's spikes; an encoder writes them for an input population before {@link FloatNetwork#step()}. */
    public Spikes spikes() {
        return spikes;
    }

    /** Trace of neuron {@code i}, real units. */
    public double trace(int i) {
        return trace[i];
    }

    /** Membrane potential of neuron {@code i}, real membrane units. */
    public double membrane(int i) {
        return v[i];
    }

    /** Adaptive threshold of neuron {@code i}, real membrane units. */
    public double adaptation(int i) {
        return adapt[i];
    }

    /** Excitability of neuron {@code i}, real membrane units per tick. */
    public double excitability(int i) {
        return bias[i];
    }

    /** Scales every neuron's excitability, as {@code core.Population#setExcitabilityGain} does. */
    public void setExcitabilityGain(double gain) {
        excitabilityGain = gain;
    }

    /** Variable of receptor {@code r} (in declaration order) of neuron {@code i}, real weight units. */
    public double receptor(int r, int i) {
        return receptorG[r][i];
    }

    /** Sets the membrane potential of neuron {@code i} (an initial condition), real membrane units. */
    public void setMembrane(int i, double real) {
        v[i] = real;
    }

    /** Sets a current injected into neuron {@code i} every tick until changed, real membrane units. */
    public void inject(int i, double real) {
        injected[i] = real;
    }

    /** Stops every injected current. */
    public void clearInjected() {
        if (injected != null) {
            Arrays.fill(injected, 0);
        }
    }

    void setAdaptation(int i, double value) {
        adapt[i] = value;
    }

    void setExcitability(int i, double value) {
        bias[i] = value;
    }

    double[] currentArray() {
        return current;
    }

    double[] traceArray() {
        return trace;
    }

    double[] receptorArray(int r) {
        return receptorG[r];
    }

    /** Draws this tick's spikes of a Poisson source, as the core does; nothing for any other population. */
    void generate(long tick) {
        if (poisson != null) {
            poisson.generate(tick, spikes);
        }
    }

    /** Leaks every receptor variable by one tick, before this tick's presynaptic weights arrive. */
    void decayReceptors() {
        for (int r = 0; r < receptors.length; r++) {
            double decay = receptors[r].decay();
            double[] g = receptorG[r];
            for (int j = 0; j < size; j++) {
                g[j] *= decay;
            }
        }
    }

    /** Integrates, fires and inhibits, exactly as the core does but in real numbers. */
    void integrate(boolean learning) {
        if (spec.isInput()) {
            return;
        }
        spikes.clear();
        int candidates = 0;
        for (int j = 0; j < size; j++) {
            if (refractory[j] > 0) {
                refractory[j]--;
                v[j] = neuron.reset();
                current[j] = 0;
                continue;
            }
            double leaked = neuron.rest() + (v[j] - neuron.rest()) * neuron.decay();
            v[j] = receptorDrive(j, leaked) + current[j] + injected[j] + (learning ? bias[j] * excitabilityGain : 0);
            current[j] = 0;
            double margin = v[j] - neuron.threshold() - adapt[j];
            if (margin >= 0) {
                candidates = admit(j, margin, candidates);
            }
        }
        fire(candidates, learning);
    }

    /** The leaked membrane moved by each receptor in turn, as the core does, in real numbers. */
    private double receptorDrive(int j, double leaked) {
        double next = leaked;
        for (int r = 0; r < receptors.length; r++) {
            double drive = receptors[r].gain() * receptorG[r][j];
            next += receptors[r].isConductance()
                    ? Math.min(1, Math.max(0, drive)) * (receptors[r].reversal() - next) : drive;
        }
        return next;
    }

    private int admit(int j, double margin, int candidates) {
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
            v[j] = neuron.reset();
            refractory[j] = neuron.refractoryTicks();
            if (learning) {
                adapt[j] += neuron.thresholdIncrement();
                bias[j] = Math.max(0, bias[j] - neuron.biasDecrement());
            }
        }
        if (learning) {
            for (int j = 0; j < size; j++) {
                adapt[j] *= neuron.thresholdDecay();
            }
        }
    }

    private void inhibitLosers() {
        for (int j = 0; j < size; j++) {
            if (refractory[j] == 0 && !spikes.get(j)) {
                v[j] = neuron.reset();
            }
        }
    }

    /** Leaks every trace by one tick. */
    void decayTraces() {
        for (int i = 0; i < size; i++) {
            trace[i] *= traceDecay;
        }
    }

    /** Adds (or sets) this tick's spikes into the traces. */
    void addSpikesToTraces() {
        for (int i = spikes.next(0); i >= 0; i = spikes.next(i + 1)) {
            trace[i] = traceSet ? traceIncrement : trace[i] + traceIncrement;
        }
    }

    /**
     * Clears activity (membranes, currents, receptor variables, refractory counters, traces, spikes); keeps what was
     * learned, and a Poisson source's schedule.
     */
    void resetActivity() {
        spikes.clear();
        Arrays.fill(trace, 0);
        for (double[] g : receptorG) {
            Arrays.fill(g, 0);
        }
        if (v != null) {
            Arrays.fill(v, neuron.reset());
            Arrays.fill(current, 0);
            Arrays.fill(refractory, 0);
        }
    }
}
