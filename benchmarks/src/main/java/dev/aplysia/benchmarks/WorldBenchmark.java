package dev.aplysia.benchmarks;

import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.pwm.PwmOutput;
import dev.aplysia.hal.world.Arena;
import dev.aplysia.hal.world.RobotSpec;
import dev.aplysia.hal.world.World;
import java.nio.file.Path;
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
 * Wall time of one simulated minute (60,000 physics steps of 1 ms) of the example robot in the example square room,
 * driving a slow left curve: the world alone ({@code sonars} 0) or with all eight sonars read every millisecond
 * ({@code sonars} 8, five rays each). Run from the repository root: the example files are read from {@code examples/}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WorldBenchmark {

    private static final int TICKS_PER_MINUTE = 60_000;
    private static final long TICK_NANOS = 1_000_000L;
    private static final Path EXAMPLES = Path.of("examples");

    /** How many sonars are read per tick. */
    @Param({"0", "8"})
    public int sonars;

    private World world;
    private AnalogInput[] inputs;

    @Setup
    public void build() throws HalException {
        world = World.of(BoardConfig.load(EXAMPLES.resolve("world.board")),
                RobotSpec.load(EXAMPLES.resolve("world.robot")), Arena.load(EXAMPLES.resolve("arena-square.txt")), 1);
        PwmOutput left = world.pwmOutput("motor-left");
        PwmOutput right = world.pwmOutput("motor-right");
        left.setDuty(600);
        right.setDuty(700);
        inputs = new AnalogInput[sonars];
        for (int i = 0; i < sonars; i++) {
            inputs[i] = world.analogInput("sonar" + i);
        }
    }

    @Benchmark
    public long simulatedMinute() throws HalException {
        long sum = 0;
        long start = world.clock().nanos();
        for (int tick = 1; tick <= TICKS_PER_MINUTE; tick++) {
            world.pacer().sleepUntil(start + tick * TICK_NANOS);
            world.catchUp();
            for (AnalogInput input : inputs) {
                sum += input.read();
            }
        }
        world.clearObservations();
        return sum;
    }
}
