package dev.aplysia.benchmarks;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.TraceSpec;
import dev.aplysia.device.reference.FloatNetwork;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ticks per second of a network that is only 1000 silent inputs with traces (tau 20 ticks): the cost of keeping the
 * traces, on the fixed-point core with clocked traces (the 32-bit leak loop), with event-driven traces, and on the
 * float twin.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TraceBenchmark {

    /** {@code clocked}, {@code event-driven} or {@code float}. */
    @Param({"clocked", "event-driven", "float"})
    public String traces;

    private Network network;
    private FloatNetwork twin;

    @Setup
    public void build() {
        TraceSpec trace = TraceSpec.exponential(20, 1);
        NetworkSpec spec = NetworkSpec.builder("traces")
                .population(PopulationSpec.input("in", 1000, traces.equals("event-driven") ? trace.asEventDriven()
                        : trace))
                .build();
        network = Network.build(spec, McuProfile.PI_NATIVE);
        for (int i = 0; i < 1000; i++) {
            network.population("in").spikes().set(i);
        }
        network.step();
        network.population("in").spikes().clear();
        twin = FloatNetwork.twinOf(network);
    }

    @Benchmark
    public long tick() {
        if (traces.equals("float")) {
            twin.step();
            return twin.tick();
        }
        network.step();
        return network.tick();
    }
}
