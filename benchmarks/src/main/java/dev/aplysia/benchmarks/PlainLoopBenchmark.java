package dev.aplysia.benchmarks;

import dev.aplysia.device.fixed.CounterRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The loops of {@code benchmarks/src/main/c/plain_loops.c}, line for line in Java, on the same int16 arrays of a
 * 64 -> 400 projection: what the JIT makes of the bare arithmetic, beside what gcc makes of it and what the core's
 * whole tick achieves ({@link TickBenchmark}). Scores are synaptic events or synapse updates per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlainLoopBenchmark {

    private static final int PRE = 64;
    private static final int POST = 400;
    private static final int SYNAPSES = PRE * POST;

    private final short[] w = new short[SYNAPSES];
    private final int[] current = new int[POST];
    private final int[] floor = new int[POST];
    private final int[] fraction = new int[POST];
    private int tick;

    @Setup
    public void fill() {
        int key = new CounterRandom(1).key(CounterRandom.Stream.INITIALISATION, 0);
        for (int s = 0; s < SYNAPSES; s++) {
            w[s] = (short) CounterRandom.below(key, s, 2000);
        }
        for (int j = 0; j < POST; j++) {
            floor[j] = -1 - CounterRandom.below(key, SYNAPSES + j, 3);
            fraction[j] = CounterRandom.draw16(key, 2 * SYNAPSES + j);
        }
    }

    /** {@code current[j] += w[row + j]} for every row: events per second. */
    @Benchmark
    @OperationsPerInvocation(SYNAPSES)
    public int propagate() {
        for (int i = 0; i < PRE; i++) {
            int row = i * POST;
            for (int j = 0; j < POST; j++) {
                current[j] += w[row + j];
            }
        }
        current[tick++ % POST] = 0;
        return current[0];
    }

    /** The post-vector STDP row update with counter-based stochastic rounding: updates per second. */
    @Benchmark
    @OperationsPerInvocation(SYNAPSES)
    public short stdpRows() {
        int key = tick++;
        for (int i = 0; i < PRE; i++) {
            int row = i * POST;
            for (int j = 0; j < POST; j++) {
                int s = row + j;
                int up = fraction[j] > CounterRandom.draw16(key, s) ? 1 : 0;
                int next = w[s] + floor[j] + up;
                w[s] = (short) (next > 16383 ? 16383 : Math.max(next, -16384));
            }
        }
        return w[0];
    }
}
