package dev.aplysia.benchmarks;

import dev.aplysia.device.core.Kernels;
import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.OpCounters;
import dev.aplysia.device.core.Population;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.TraceSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of one core tick on a dense projection whose every presynaptic neuron spikes every tick, in ticks per
 * second, with two secondary rates counted by the core itself ({@code OpCounters}): {@code synapticEvents} (spikes
 * propagated, {@code pre * post} per tick) and {@code synapseUpdates} (synapses a plasticity term ran on) per second.
 * Plasticity off: propagation and neuron updates only. Plasticity on: additive pair STDP, so every presynaptic spike
 * also runs the depression term on all its synapses and every postsynaptic spike the potentiation term. The
 * {@code kernels} parameter picks the optimised kernels or the reference interpreter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TickBenchmark {

    /** {@code pre x post}. */
    @Param({"64x400", "1000x1"})
    public String shape;

    /** {@code off} or {@code stdp}. */
    @Param({"off", "stdp"})
    public String plasticity;

    /** {@code OPTIMISED} or {@code REFERENCE}. */
    @Param({"OPTIMISED", "REFERENCE"})
    public String kernels;

    /** Work done per second, as counted by the core. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Work {
        /** Synaptic events (propagated spikes). */
        public long synapticEvents;
        /** Synapse updates (plasticity terms run). */
        public long synapseUpdates;
        private long eventsBefore;
        private long updatesBefore;

        @Setup(Level.Iteration)
        public void clear() {
            synapticEvents = 0;
            synapseUpdates = 0;
            eventsBefore = -1;
        }
    }

    private Network network;

    @Setup(Level.Trial)
    public void build() {
        String[] dims = shape.split("x");
        int pre = Integer.parseInt(dims[0]);
        int post = Integer.parseInt(dims[1]);
        PlasticityRule rule = plasticity.equals("stdp") ? PlasticityRule.stdpAdditive(0.01, -0.0105)
                : PlasticityRule.NONE;
        NetworkSpec spec = NetworkSpec.builder("bench-" + shape + "-" + plasticity)
                .population(PopulationSpec.input("pre", pre, TraceSpec.exponential(20, 1)))
                .population(PopulationSpec.neurons("post", post,
                        NeuronSpec.lif(NeuronSpec.decayFor(20, 1), 8.0, 0, 2), 0, TraceSpec.exponential(20, 1)))
                .projection(new ProjectionSpec("pre-post", "pre", "post", -1, 1, -0.05, 0.1, rule))
                .seed(42)
                .build();
        network = Network.build(spec, McuProfile.PI_NATIVE, Kernels.valueOf(kernels));
        Population input = network.population("pre");
        for (int i = 0; i < pre; i++) {
            input.spikes().set(i);
        }
    }

    @Benchmark
    public void tick(Work work, Blackhole sink) {
        OpCounters counters = network.counters();
        if (work.eventsBefore < 0) {
            work.eventsBefore = counters.synapticEvents();
            work.updatesBefore = counters.synapseUpdates();
        }
        network.step();
        work.synapticEvents = counters.synapticEvents() - work.eventsBefore;
        work.synapseUpdates = counters.synapseUpdates() - work.updatesBefore;
        sink.consume(network.population("post").membrane(0));
    }

    /** Runs the benchmarks with the annotations' settings. */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
