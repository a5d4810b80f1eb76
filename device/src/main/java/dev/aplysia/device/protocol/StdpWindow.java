package dev.aplysia.device.protocol;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.TraceSpec;
import dev.aplysia.device.reference.FloatNetwork;
import java.util.ArrayList;
import java.util.List;

/**
 * The pair-STDP window: for every {@code dt = t_post - t_pre} from -100 to +100 ms in 1 ms steps, a fresh network of
 * one presynaptic input and one postsynaptic LIF neuron, one pre and one post spike, and the weight change they cause
 * under {@link PlasticityRule#stdpAdditive} with {@code A+ = 0.01}, {@code A- = -0.0105},
 * {@code tau+ = tau- = 20 ms} (exponential traces, incremented by 1 per spike), on the core (stochastic rounding on)
 * and on the float twin. Exact: {@code dw = A+ exp(-dt / tau)} for {@code dt >= 0}, {@code A- exp(dt / tau)} for
 * {@code dt < 0}; {@code dt = 0} is causal because post-spike terms run after the tick's spikes reach the traces.
 *
 * <p>Ticks are 1 ms: the window is then resolved at its own 1 ms grid, and a trace decays by the single Q16 factor
 * {@code exp(-1/20)} per tick. The presynaptic spike is written into the input at tick {@link #PRE_TICK}; the
 * postsynaptic neuron (no leak, threshold 1, no refractory period) is made to fire at {@code PRE_TICK + dt} by an
 * injected current of 2 for that one tick. Its weight is bounded to {@code [0, 0.5]}, so the presynaptic spike alone
 * can never make it fire, and starts at 0.25, far from either bound for a change of at most 0.0105.
 */
public final class StdpWindow {

    /** Potentiation amplitude, weight units. */
    public static final double A_PLUS = 0.01;
    /** Depression amplitude, weight units (negative). */
    public static final double A_MINUS = -0.0105;
    /** Trace time constant, ms (both traces). */
    public static final double TAU_MS = 20;
    /** Tick length, ms. */
    public static final double DT_MS = 1;
    /** The window spans {@code -MAX_DT_MS .. MAX_DT_MS}. */
    public static final int MAX_DT_MS = 100;
    /** Initial weight. */
    public static final double W_INIT = 0.25;
    /** Tick of the presynaptic spike (ticks count from 1). */
    public static final int PRE_TICK = MAX_DT_MS + 10;

    private static final int TICKS = PRE_TICK + MAX_DT_MS + 1;
    private static final double FORCING_CURRENT = 2;
    private static final String PRE = "pre";
    private static final String POST = "post";
    private static final String SYNAPSE = "pre-post";

    private StdpWindow() {
    }

    /**
     * The weight change caused by one pre/post pair.
     *
     * @param dtMs    {@code t_post - t_pre}, ms
     * @param dw      change of the core's weight, real weight units (a multiple of one weight step)
     * @param dwFloat change of the twin's weight, real weight units
     */
    public record Point(int dtMs, double dw, double dwFloat) {
    }

    /** The window, in increasing {@code dt}. */
    public record Result(List<Point> points) {

        public Result {
            points = List.copyOf(points);
        }

        /** Largest {@code |dw - dwFloat|}, in weight steps ({@link ProjectionSpec#WEIGHT}). */
        public double maxErrorSteps() {
            return points.stream().mapToDouble(p -> Math.abs(p.dw() - p.dwFloat())).max().orElse(0)
                    / ProjectionSpec.WEIGHT.step();
        }
    }

    /**
     * Measures the window. Point {@code k} (0-based, {@code dt = k - 100}) runs on a network seeded with
     * {@code seed * 201 + k}, so each pair draws its own stochastic rounding and distinct seeds never share a network.
     */
    public static Result run(long seed) {
        List<Point> points = new ArrayList<>(2 * MAX_DT_MS + 1);
        for (int dt = -MAX_DT_MS; dt <= MAX_DT_MS; dt++) {
            points.add(pair(dt, seed * (2 * MAX_DT_MS + 1) + dt + MAX_DT_MS));
        }
        return new Result(points);
    }

    private static Point pair(int dtMs, long seed) {
        Network network = Network.build(spec(seed), McuProfile.RP2040);
        FloatNetwork twin = FloatNetwork.twinOf(network);
        int before = network.projection(SYNAPSE).weight(0, 0);
        double beforeFloat = twin.projection(SYNAPSE).weight(0, 0);
        int postTick = PRE_TICK + dtMs;
        for (int t = 1; t <= TICKS; t++) {
            boolean pre = t == PRE_TICK;
            double drive = t == postTick ? FORCING_CURRENT : 0;
            network.population(PRE).spikes().clear();
            twin.population(PRE).spikes().clear();
            if (pre) {
                network.population(PRE).spikes().set(0);
                twin.population(PRE).spikes().set(0);
            }
            network.population(POST).inject(0, drive);
            twin.population(POST).inject(0, drive);
            network.step();
            twin.step();
        }
        double dw = ProjectionSpec.WEIGHT.toReal(network.projection(SYNAPSE).weight(0, 0) - before);
        return new Point(dtMs, dw, twin.projection(SYNAPSE).weight(0, 0) - beforeFloat);
    }

    /** The two-neuron network of one point, with the network's random streams seeded by {@code seed}. */
    public static NetworkSpec spec(long seed) {
        TraceSpec trace = TraceSpec.exponential(TAU_MS, DT_MS);
        return NetworkSpec.builder("stdp-window")
                .population(PopulationSpec.input(PRE, 1, trace))
                .population(PopulationSpec.neurons(POST, 1, NeuronSpec.lif(0, 1, 0, 0), 0, trace))
                .projection(ProjectionSpec.constant(SYNAPSE, PRE, POST, 0, 0.5, W_INIT,
                        PlasticityRule.stdpAdditive(A_PLUS, A_MINUS)))
                .seed(seed)
                .build();
    }

    /** The exact window: {@code A+ exp(-dt / tau)} for {@code dt >= 0}, {@code A- exp(dt / tau)} for {@code dt < 0}. */
    public static double exact(int dtMs) {
        return dtMs >= 0 ? A_PLUS * Math.exp(-dtMs * DT_MS / TAU_MS) : A_MINUS * Math.exp(dtMs * DT_MS / TAU_MS);
    }
}
