package dev.aplysia.device.protocol;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.fixed.Overflow;
import dev.aplysia.device.fixed.QFormat;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.TraceSpec;
import dev.aplysia.device.reference.FloatNetwork;
import java.util.ArrayList;
import java.util.List;

/**
 * The f-I curve of one LIF neuron: {@code tau_m = 20 ms}, {@code dt = 0.1 ms}, rest 0, threshold 1, reset 0, a 2 ms
 * (20-tick) refractory period, and a constant input {@code I = 0.0, 0.1, ..., 3.0} held for 1 s (10000 ticks); the
 * spike count is the rate in Hz. The input is injected as the constant per-tick drive {@code I * (1 - d)} with
 * {@code d = exp(-dt / tau_m)}, so the membrane follows the exact exponential integrator
 * {@code v' = v * d + I * (1 - d)} and relaxes to {@code I}. Above rheobase ({@code I > 1}) the continuous-time rate
 * is {@code 1 / (t_ref + tau_m * ln(I / (I - 1)))}; the discrete neuron fires on the first tick at or past threshold,
 * so each interval is up to one tick (0.1 ms) longer and the count over 1 s also depends on the first spike's phase.
 *
 * <p>Membrane format {@link #MEMBRANE}, Q7.24 in 32 bits: the drive near rheobase is about {@code 0.005} per tick and
 * the core's leak rounds toward zero, losing up to one step per tick, which adds up to {@code tau_m / dt = 200} steps
 * at steady state. With the default Q9.14 membrane that is up to {@code 200 * 6.1e-5 = 0.012} of threshold (and the
 * drive itself is quantised to 0.4 %): rheobase moves from 1 to about 1.01 (no spikes at {@code I = 1.008}, where the
 * analytic rate is 10 Hz) and {@code I = 1.1} loses a spike. With 24 fraction bits the same losses are {@code 1.2e-5}
 * of threshold and the drive is exact to {@code 1e-5}, so the core matches its float twin spike for spike. The range
 * [-128, 128) is far more than the neuron needs, and the word is the RP2040's native 32 bits.
 */
public final class FiCurve {

    /** Membrane time constant, ms. */
    public static final double TAU_MS = 20;
    /** Tick length, ms. */
    public static final double DT_MS = 0.1;
    /** Firing threshold (rest and reset are 0). */
    public static final double THRESHOLD = 1;
    /** Refractory period, ticks (2 ms). */
    public static final int REFRACTORY_TICKS = 20;
    /** Ticks per point: 1 s. */
    public static final int TICKS = 10_000;
    /** Number of input currents: 0.0 to 3.0 in steps of 0.1. */
    public static final int POINTS = 31;
    /** The fixed-point membrane: Q7.24 in 32 bits, saturating (see the class javadoc for why). */
    public static final QFormat MEMBRANE = new QFormat("membrane-q7.24", 32, 24, Overflow.SATURATE);

    private static final String NEURON = "lif";

    private FiCurve() {
    }

    /**
     * One input current and the spikes it produced in 1 s.
     *
     * @param current      input {@code I}, in units of threshold
     * @param spikes       spikes of the fixed-point core (= rate in Hz)
     * @param spikesFloat  spikes of the float twin
     * @param analyticRate continuous-time LIF rate in Hz, 0 for {@code I <= 1}
     */
    public record Point(double current, int spikes, int spikesFloat, double analyticRate) {
    }

    /** The whole curve, in increasing current. */
    public record Result(List<Point> points) {

        public Result {
            points = List.copyOf(points);
        }

        /** Largest {@code |spikes - analyticRate|} of the fixed-point core, Hz. */
        public double maxDeviation() {
            return points.stream().mapToDouble(p -> Math.abs(p.spikes() - p.analyticRate())).max().orElse(0);
        }

        /** Largest {@code |spikesFloat - analyticRate|} of the float twin, Hz. */
        public double maxDeviationFloat() {
            return points.stream().mapToDouble(p -> Math.abs(p.spikesFloat() - p.analyticRate())).max().orElse(0);
        }
    }

    /** Runs all {@link #POINTS} currents on the core and on its twin. */
    public static Result run() {
        List<Point> points = new ArrayList<>(POINTS);
        for (int k = 0; k < POINTS; k++) {
            double current = k / 10.0;
            Network network = Network.build(spec(), McuProfile.RP2040);
            FloatNetwork twin = FloatNetwork.twinOf(network);
            network.population(NEURON).inject(0, drive(current));
            twin.population(NEURON).inject(0, drive(current));
            int spikes = 0;
            int spikesFloat = 0;
            for (int t = 0; t < TICKS; t++) {
                network.step();
                twin.step();
                spikes += network.population(NEURON).spikes().count();
                spikesFloat += twin.population(NEURON).spikes().count();
            }
            points.add(new Point(current, spikes, spikesFloat, analyticRate(current)));
        }
        return new Result(points);
    }

    /** The one-neuron network: no inputs, the neuron driven by an injected current. */
    public static NetworkSpec spec() {
        return NetworkSpec.builder("fi-curve").population(PopulationSpec.neurons(NEURON, 1, neuron(), 0,
                TraceSpec.counter(1))).build();
    }

    /** The neuron: decay {@code exp(-dt / tau_m)}, threshold 1, reset 0, 20 refractory ticks, {@link #MEMBRANE}. */
    public static NeuronSpec neuron() {
        return NeuronSpec.lif(NeuronSpec.decayFor(TAU_MS, DT_MS), THRESHOLD, 0, REFRACTORY_TICKS)
                .withMembrane(MEMBRANE);
    }

    /** The per-tick drive of input {@code I}: {@code I * (1 - exp(-dt / tau_m))}. */
    public static double drive(double current) {
        return current * (1 - NeuronSpec.decayFor(TAU_MS, DT_MS));
    }

    /** The continuous-time LIF rate in Hz: {@code 1 / (t_ref + tau_m * ln(I / (I - 1)))} for {@code I > 1}, else 0. */
    public static double analyticRate(double current) {
        if (current <= THRESHOLD) {
            return 0;
        }
        double periodMs = REFRACTORY_TICKS * DT_MS + TAU_MS * Math.log(current / (current - THRESHOLD));
        return 1000 / periodMs;
    }
}
