package dev.aplysia.host.experiment;

import dev.aplysia.device.firmware.Firmware;
import dev.aplysia.device.firmware.FirmwareConfig;
import dev.aplysia.device.firmware.FirmwareEvents;
import dev.aplysia.device.firmware.FirmwareRunner;
import dev.aplysia.device.firmware.McuLoad;
import dev.aplysia.device.firmware.RobotWiring;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.fixtures.dataset.RobotTrace;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.SimBoard;
import dev.aplysia.hal.sim.SimDigitalInput;
import dev.aplysia.hal.sim.SimPwmOutput;
import dev.aplysia.host.baseline.Baseline;
import dev.aplysia.host.baseline.RobotBaselines;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The learning robot on real data: the UCI wall-following trace is replayed, in time order at its 9 samples per
 * second, through the simulated board's analog inputs (one per ultrasound sensor, 10-bit counts over 0..5.1 m) with
 * the demonstrator's command on the teaching inputs; the firmware drives the motor PWM outputs, and the command it
 * chose is read back from those outputs and scored against the demonstrator's.
 *
 * <p>Two runs from the same seed: one taught throughout ("continuing"), one whose teaching stops after the first
 * {@link #TRAIN_FRACTION} of the trace ("frozen"); both are scored on the rest. Beside them, the
 * {@link RobotBaselines} on the same split and seed.
 */
public final class RobotOnDevice {

    /** Fraction of the trace taught in the frozen run. */
    public static final double TRAIN_FRACTION = 0.7;
    /** Full scale of the simulated sonar ADC (10 bits, MCP3008). */
    public static final int ADC_MAX = 1023;
    /** Distance at full scale. */
    public static final int ADC_RANGE_MM = 5100;
    private static final int MAX_DUTY = 1000;
    private static final int WINDOWS = 10;

    private RobotOnDevice() {
    }

    /** Accuracy of one stretch of the run. */
    public record Window(int fromSample, int toSample, double frozen, double continuing) {
    }

    /**
     * What the robot run measured: the device's figures, the {@code baselines} on the same split, and {@code wallMs},
     * the wall time of the two replays (the baselines not included). {@code deadlineMisses} and {@code mcuOverruns}
     * count both replays on {@code profile}; {@code mcu} costs the continuing replay's ticks (taught throughout, the
     * busier) on every profile.
     */
    public record Result(int samples, int trainSamples, double accuracyFrozen, double accuracyContinuing,
                         List<Window> windows, long stateBytes, String profile, long deadlineMisses,
                         long mcuOverruns, List<McuLoad.Summary> mcu, long ticks, long wallMs, long seed,
                         List<Baseline> baselines) {
    }

    /**
     * Rows taught in the frozen run and trained on by the baselines: the first {@code ⌊samples · TRAIN_FRACTION⌋}
     * (3819 of the trace's 5456); the rest are scored.
     */
    public static int trainSamples(int samples) {
        return (int) (samples * TRAIN_FRACTION);
    }

    /** The board the replay drives: one analog input per sensor, the robot's motors, teachers and button. */
    public static BoardConfig board(int sensors) throws HalException {
        StringBuilder text = new StringBuilder();
        int pin = 2;
        for (int command = 0; command < RobotWiring.COMMANDS.size(); command++) {
            text.append("digital-in ").append(RobotWiring.teacher(command)).append(" pin=").append(pin++).append('\n');
        }
        text.append("digital-in significance pin=").append(pin++).append('\n');
        text.append("pwm motor-left pin=12 chip=0 channel=0 frequency=1000 maxduty=").append(MAX_DUTY).append('\n');
        text.append("pwm motor-right pin=13 chip=0 channel=1 frequency=1000 maxduty=").append(MAX_DUTY).append('\n');
        for (int adc = 0; adc * 8 < sensors; adc++) {
            text.append("adc adc").append(adc).append(" type=mcp3008 spi=").append(adc / 2).append(" cs=")
                    .append(adc % 2).append('\n');
        }
        for (int s = 0; s < sensors; s++) {
            text.append("analog sonar").append(s).append(" adc=adc").append(s / 8).append(" channel=").append(s % 8)
                    .append('\n');
        }
        return BoardConfig.parse("robot-sim.board", text.toString());
    }

    /** Runs both replays, then the baselines from the same {@code seed}. */
    public static Result run(RobotTrace trace, McuProfile profile, long seed, Consumer<String> progress)
            throws HalException {
        long start = System.nanoTime();
        int split = trainSamples(trace.size());
        Replay continuing = new Replay(trace, profile, seed, trace.size());
        progress.accept("robot: replaying " + trace.size() + " samples, taught throughout");
        continuing.run(progress);
        Replay frozen = new Replay(trace, profile, seed, split);
        progress.accept("robot: replaying again, teaching stops after sample " + split);
        frozen.run(progress);
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        progress.accept("robot: baselines on the same split");
        return new Result(trace.size(), split, frozen.accuracy(split, trace.size()),
                continuing.accuracy(split, trace.size()), windows(trace.size(), frozen, continuing),
                continuing.firmware.network().budget().totalBytes(), profile.id(),
                continuing.firmware.counters().deadlineMisses() + frozen.firmware.counters().deadlineMisses(),
                continuing.firmware.counters().mcuOverruns() + frozen.firmware.counters().mcuOverruns(),
                continuing.firmware.counters().mcuLoad().summaries(),
                continuing.firmware.counters().ticks() + frozen.firmware.counters().ticks(),
                wallMs, seed, RobotBaselines.on(trace, split, seed));
    }

    private static List<Window> windows(int samples, Replay frozen, Replay continuing) {
        List<Window> windows = new ArrayList<>();
        for (int w = 0; w < WINDOWS; w++) {
            int from = samples * w / WINDOWS;
            int to = samples * (w + 1) / WINDOWS;
            windows.add(new Window(from, to, frozen.accuracy(from, to), continuing.accuracy(from, to)));
        }
        return windows;
    }

    /** One replay of the trace through a fresh board and firmware. */
    private static final class Replay {
        private final RobotTrace trace;
        private final int taughtSamples;
        private final SimBoard board;
        private final Firmware firmware;
        private final FirmwareRunner runner;
        private final SimDigitalInput[] teachers;
        private final SimPwmOutput left;
        private final SimPwmOutput right;
        private final boolean[] correct;

        Replay(RobotTrace trace, McuProfile profile, long seed, int taughtSamples) throws HalException {
            this.trace = trace;
            this.taughtSamples = taughtSamples;
            BoardConfig config = board(RobotTrace.SENSORS);
            this.board = SimBoard.of(config);
            FirmwareConfig wiring = RobotWiring.config(config, profile, "robot-sim", seed);
            this.firmware = new Firmware(wiring, board, FirmwareEvents.NONE);
            this.runner = new FirmwareRunner(firmware);
            this.teachers = new SimDigitalInput[RobotWiring.COMMANDS.size()];
            for (int k = 0; k < teachers.length; k++) {
                teachers[k] = board.digitalInput(RobotWiring.teacher(k));
            }
            this.left = board.pwmOutput(RobotWiring.MOTORS.get(0));
            this.right = board.pwmOutput(RobotWiring.MOTORS.get(1));
            this.correct = new boolean[trace.size()];
        }

        void run(Consumer<String> progress) throws HalException {
            long sampleNanos = firmware.config().sampleNanos();
            for (int r = 0; r < trace.size(); r++) {
                drive(r);
                runner.runFor(sampleNanos);
                int chosen = RobotWiring.commandOf(left.duty(), right.duty(), MAX_DUTY);
                correct[r] = chosen == trace.command(r);
                if ((r + 1) % 1000 == 0) {
                    progress.accept(String.format("robot: %d/%d samples", r + 1, trace.size()));
                }
            }
        }

        private void drive(int row) throws HalException {
            for (int s = 0; s < RobotTrace.SENSORS; s++) {
                int counts = (int) Math.min(ADC_MAX, (long) trace.distanceMillimetres(row, s) * ADC_MAX / ADC_RANGE_MM);
                board.analogInput("sonar" + s).drive(counts);
            }
            for (int k = 0; k < teachers.length; k++) {
                teachers[k].drive(row < taughtSamples && trace.command(row) == k);
            }
        }

        double accuracy(int from, int to) {
            int hits = 0;
            for (int r = from; r < to; r++) {
                hits += correct[r] ? 1 : 0;
            }
            return hits / (double) Math.max(1, to - from);
        }
    }
}
