package dev.aplysia.device.protocol;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.Population;
import dev.aplysia.device.core.Projection;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.ReceptorSpec;
import dev.aplysia.device.model.TraceSpec;
import dev.aplysia.device.reference.FloatNetwork;
import dev.aplysia.device.reference.FloatPopulation;
import dev.aplysia.device.reference.FloatProjection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Competitive Hebbian learning through spike-timing-dependent plasticity (Song, Miller &amp; Abbott 2000), as in
 * Brian2's STDP example: {@value #INPUTS} Poisson inputs at {@value #RATE_HZ} Hz onto one conductance-based LIF neuron
 * ({@code tau_m} 10 ms, {@code tau_e} 5 ms, {@code E_e} 0 mV, {@code E_l} -74 mV, threshold -54 mV, reset -60 mV, no
 * refractory period, {@code v(0)} = 0 mV, {@code dt} = 0.1 ms), under additive pair STDP ({@code tau} 20 ms,
 * {@code dA_pre = 0.01 gmax}, {@code dA_post = -1.05 * 0.01 gmax}, {@code w} clipped to {@code [0, gmax]}, initial
 * {@code w} uniform in {@code [0, gmax]}, {@code gmax} = {@value #GMAX}). Depression slightly outweighs potentiation,
 * so inputs that do not help cause postsynaptic spikes are driven to 0 and those that do to {@code gmax}: the weight
 * distribution turns U-shaped, and the output rate falls toward the input rate.
 *
 * <p>Weights are held in units of {@code gmax} (Q1.14 in [0, 1]), so the STDP amplitudes are 0.01 and -0.0105 weight
 * units and one synaptic weight unit adds {@code gmax} to the excitatory conductance {@code ge} (in units of the leak
 * conductance). The membrane equation {@code dv/dt = (ge (E_e - v) + E_l - v) / tau_m} becomes, per tick, a leak
 * toward {@code E_l} by {@code exp(-dt / tau_m)} and the conductance-based receptor {@value #RECEPTOR} with gain
 * {@code dt / tau_m * gmax} per weight unit ({@link ReceptorSpec}). The same protocol runs on the fixed-point
 * {@link Network} and on its float twin, on the same input spike trains.
 */
public final class Song2000 {

    /** Poisson inputs. */
    public static final int INPUTS = 1000;
    /** Rate of every input, Hz. */
    public static final double RATE_HZ = 15;
    /** Tick length, ms. */
    public static final double DT_MS = 0.1;
    /** Membrane time constant, ms. */
    public static final double TAU_M_MS = 10;
    /** Excitatory conductance time constant, ms. */
    public static final double TAU_E_MS = 5;
    /** Excitatory reversal potential, mV. */
    public static final double E_E_MV = 0;
    /** Leak reversal (resting) potential, mV. */
    public static final double E_L_MV = -74;
    /** Firing threshold, mV. */
    public static final double THRESHOLD_MV = -54;
    /** Reset potential, mV. */
    public static final double RESET_MV = -60;
    /** Initial membrane potential, mV. */
    public static final double V0_MV = 0;
    /** Maximal synaptic weight, in units of the leak conductance. */
    public static final double GMAX = 0.01;
    /** STDP trace time constant (pre and post), ms. */
    public static final double TAU_STDP_MS = 20;
    /** Potentiation per pair, in units of {@code gmax}. */
    public static final double A_PRE = 0.01;
    /** Depression per pair, in units of {@code gmax}. */
    public static final double A_POST = -1.05 * A_PRE;
    /** Longest run accepted, seconds. */
    public static final int MAX_SECONDS = 3600;
    /** Timeline and rate window, seconds. */
    public static final int WINDOW_SECONDS = 10;
    /** Bins of the weight histogram over {@code [0, gmax]}. */
    public static final int BINS = 20;
    /** A weight below this fraction of {@code gmax} counts as low. */
    public static final double LOW = 0.1;
    /** A weight above this fraction of {@code gmax} counts as high. */
    public static final double HIGH = 0.9;

    static final String INPUT = "input";
    static final String NEURON = "neuron";
    static final String SYNAPSES = "input-neuron";
    static final String RECEPTOR = "exc";
    private static final int TICKS_PER_SECOND = (int) Math.round(1000 / DT_MS);

    private Song2000() {
    }

    /**
     * The weights, rates and work of one core's run.
     *
     * @param fractionLow  final fraction of weights below {@link #LOW} {@code gmax}
     * @param fractionHigh final fraction of weights above {@link #HIGH} {@code gmax}
     * @param meanW        final mean weight {@code w} (at most {@code gmax})
     * @param hist20       final weight counts in {@value #BINS} bins of {@code w / gmax} over [0, 1] (the last bin
     *                     holds 1)
     * @param rateFirst10s postsynaptic rate over the first 10 s (or the whole run if shorter), Hz
     * @param rateLast10s  postsynaptic rate over the last 10 s (or the whole run if shorter), Hz
     * @param preEvents    presynaptic spikes delivered
     * @param postSpikes   postsynaptic spikes
     * @param wallMs       wall time of the run, ms
     * @param timeline     every {@value #WINDOW_SECONDS} s and at the end
     */
    public record Run(double fractionLow, double fractionHigh, double meanW, List<Integer> hist20,
                      double rateFirst10s, double rateLast10s, long preEvents, long postSpikes, long wallMs,
                      List<TimelinePoint> timeline) {

        public Run {
            hist20 = List.copyOf(hist20);
            timeline = List.copyOf(timeline);
        }
    }

    /**
     * The state of a run at the end of a window.
     *
     * @param timeS        end of the window, s
     * @param rate         postsynaptic rate over the window, Hz
     * @param meanW        mean weight {@code w} (at most {@code gmax})
     * @param fractionLow  fraction of weights below {@link #LOW} {@code gmax}
     * @param fractionHigh fraction of weights above {@link #HIGH} {@code gmax}
     */
    public record TimelinePoint(double timeS, double rate, double meanW, double fractionLow, double fractionHigh) {
    }

    /**
     * Both cores' runs.
     *
     * @param seconds         simulated time, s
     * @param seed            the network's seed (initial weights, input spike trains, stochastic rounding)
     * @param fixed           the fixed-point core
     * @param twin            the float twin
     * @param identicalUntilS the two cores' postsynaptic spike trains are identical up to this time, s (the first
     *                        spike only one of them fired, or the run's length)
     * @param stateBytes      the fixed-point network's state, bytes ({@code Network.budget()})
     */
    public record Result(int seconds, long seed, Run fixed, Run twin, double identicalUntilS, long stateBytes) {
    }

    /** Receives each timeline point as it is reached, for progress reports. */
    @FunctionalInterface
    public interface Progress {

        /** Reports nothing. */
        Progress NONE = (core, point) -> { };

        /** {@code core} ("fixed" or "float") reached {@code point}. */
        void reached(String core, TimelinePoint point);
    }

    /**
     * The STDP traces of inputs and neuron: exponential, {@value #TAU_STDP_MS} ms, incremented by 1 per spike
     * (all-to-all pairing, as Brian's {@code Apre += dApre}). The one place the protocol names its trace spec.
     */
    public static TraceSpec trace() {
        return TraceSpec.exponential(TAU_STDP_MS, DT_MS).asEventDriven();
    }

    /** The network: the Poisson inputs, the neuron with its excitatory conductance, the plastic projection. */
    public static NetworkSpec spec(long seed) {
        NeuronSpec neuron = NeuronSpec.lif(NeuronSpec.decayFor(TAU_M_MS, DT_MS), THRESHOLD_MV, RESET_MV, 0)
                .withRest(E_L_MV)
                .withReceptor(ReceptorSpec.conductance(RECEPTOR, TAU_E_MS, DT_MS, DT_MS / TAU_M_MS * GMAX, E_E_MV));
        return NetworkSpec.builder("song2000")
                .population(PopulationSpec.poisson(INPUT, INPUTS, RATE_HZ, DT_MS, trace()))
                .population(PopulationSpec.neurons(NEURON, 1, neuron, 0, trace()))
                .projection(new ProjectionSpec(SYNAPSES, INPUT, NEURON, 0, 1, 0, 1,
                        PlasticityRule.stdpAdditive(A_PRE, A_POST)).withReceptor(RECEPTOR))
                .seed(seed)
                .build();
    }

    /**
     * Runs {@code seconds} of the protocol on the fixed-point core, then on its float twin (from the same initial
     * weights and on the same input spike trains).
     *
     * @throws IllegalArgumentException unless {@code 0 < seconds <= MAX_SECONDS}
     */
    public static Result run(int seconds, long seed, Progress progress) {
        if (seconds <= 0 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("seconds must be in 1.." + MAX_SECONDS + ", got " + seconds);
        }
        Network network = Network.build(spec(seed), McuProfile.RP2040);
        FloatNetwork twin = FloatNetwork.twinOf(network);
        SpikeTicks fixedSpikes = new SpikeTicks();
        SpikeTicks floatSpikes = new SpikeTicks();
        Run fixed = run(fixedCore(network), seconds, "fixed", progress, fixedSpikes);
        Run floating = run(floatCore(twin), seconds, "float", progress, floatSpikes);
        return new Result(seconds, seed, fixed, floating, fixedSpikes.identicalUntil(floatSpikes, seconds),
                network.budget().totalBytes());
    }

    /** One core as the protocol drives and reads it. */
    private interface Core {
        void step();

        int preSpikes();

        boolean postSpiked();

        /** Weight of input {@code i}, in units of {@code gmax}. */
        double weight(int i);
    }

    private static Core fixedCore(Network network) {
        Population input = network.population(INPUT);
        Population neuron = network.population(NEURON);
        Projection synapses = network.projection(SYNAPSES);
        neuron.setMembrane(0, V0_MV);
        return new Core() {
            @Override
            public void step() {
                network.step();
            }

            @Override
            public int preSpikes() {
                return input.spikes().count();
            }

            @Override
            public boolean postSpiked() {
                return neuron.spikes().get(0);
            }

            @Override
            public double weight(int i) {
                return synapses.spec().weightFormat().toReal(synapses.weight(i, 0));
            }
        };
    }

    private static Core floatCore(FloatNetwork twin) {
        FloatPopulation input = twin.population(INPUT);
        FloatPopulation neuron = twin.population(NEURON);
        FloatProjection synapses = twin.projection(SYNAPSES);
        neuron.setMembrane(0, V0_MV);
        return new Core() {
            @Override
            public void step() {
                twin.step();
            }

            @Override
            public int preSpikes() {
                return input.spikes().count();
            }

            @Override
            public boolean postSpiked() {
                return neuron.spikes().get(0);
            }

            @Override
            public double weight(int i) {
                return synapses.weight(i, 0);
            }
        };
    }

    private static Run run(Core core, int seconds, String name, Progress progress, SpikeTicks postTicks) {
        long start = System.nanoTime();
        int[] perSecond = new int[seconds];
        List<TimelinePoint> timeline = new ArrayList<>();
        long preEvents = 0;
        long tick = 0;
        int windowStart = 0;
        for (int s = 0; s < seconds; s++) {
            for (int t = 0; t < TICKS_PER_SECOND; t++) {
                core.step();
                tick++;
                preEvents += core.preSpikes();
                if (core.postSpiked()) {
                    perSecond[s]++;
                    postTicks.add(tick);
                }
            }
            if ((s + 1) % WINDOW_SECONDS == 0 || s + 1 == seconds) {
                WeightStats w = WeightStats.of(core);
                TimelinePoint point = new TimelinePoint(s + 1, rate(perSecond, windowStart, s + 1), w.meanW(),
                        w.fractionLow(), w.fractionHigh());
                timeline.add(point);
                progress.reached(name, point);
                windowStart = s + 1;
            }
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        WeightStats w = WeightStats.of(core);
        int window = Math.min(WINDOW_SECONDS, seconds);
        return new Run(w.fractionLow(), w.fractionHigh(), w.meanW(), w.histogram(), rate(perSecond, 0, window),
                rate(perSecond, seconds - window, seconds), preEvents, Arrays.stream(perSecond).sum(), wallMs,
                timeline);
    }

    /** Postsynaptic spikes per second over seconds {@code [from, to)}. */
    private static double rate(int[] perSecond, int from, int to) {
        return (double) Arrays.stream(perSecond, from, to).sum() / (to - from);
    }

    /** The weight distribution of a core, in units of {@code gmax}. */
    private record WeightStats(double meanW, double fractionLow, double fractionHigh, List<Integer> histogram) {

        static WeightStats of(Core core) {
            int[] bins = new int[BINS];
            double sum = 0;
            int low = 0;
            int high = 0;
            for (int i = 0; i < INPUTS; i++) {
                double w = core.weight(i);
                sum += w;
                low += w < LOW ? 1 : 0;
                high += w > HIGH ? 1 : 0;
                bins[Math.min(BINS - 1, (int) (w * BINS))]++;
            }
            return new WeightStats(sum / INPUTS * GMAX, (double) low / INPUTS, (double) high / INPUTS,
                    Arrays.stream(bins).boxed().toList());
        }
    }

    /** The ticks of a run's postsynaptic spikes, in order. */
    private static final class SpikeTicks {
        private long[] ticks = new long[1024];
        private int size;

        void add(long tick) {
            if (size == ticks.length) {
                ticks = Arrays.copyOf(ticks, 2 * size);
            }
            ticks[size++] = tick;
        }

        /** The time of the first spike only one of the two runs fired, or {@code seconds} if they never differ. */
        double identicalUntil(SpikeTicks other, int seconds) {
            int common = Math.min(size, other.size);
            for (int k = 0; k < common; k++) {
                if (ticks[k] != other.ticks[k]) {
                    return Math.min(ticks[k], other.ticks[k]) / (double) TICKS_PER_SECOND;
                }
            }
            if (size == other.size) {
                return seconds;
            }
            return (size > common ? ticks[common] : other.ticks[common]) / (double) TICKS_PER_SECOND;
        }
    }
}
