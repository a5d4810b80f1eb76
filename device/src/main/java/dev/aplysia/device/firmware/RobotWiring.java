package dev.aplysia.device.firmware;

import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.BoardConfig;
import java.util.List;

/**
 * The learning robot: distance sensors in, one of four driving commands out, taught by a demonstrator. Channel names
 * are the wiring contract a board config must follow:
 * <ul>
 *   <li>every analog input is a distance sensor, in config order;</li>
 *   <li>PWM outputs {@code motor-left} and {@code motor-right} drive a differential drive;</li>
 *   <li>optional digital inputs {@code teach-forward}, {@code teach-slight-right}, {@code teach-sharp-right},
 *       {@code teach-slight-left} carry the demonstrator's command (all four, or none for a robot that only acts);</li>
 *   <li>optional digital input {@code significance}: a button that makes the current sample significant;</li>
 *   <li>optional digital outputs {@code led-forward}, ... {@code led-slight-left} show the decided command.</li>
 * </ul>
 * The commands follow the UCI wall-following robot data: 0 forward, 1 slight right, 2 sharp right, 3 slight left.
 */
public final class RobotWiring {

    /** Command names, by class. */
    public static final List<String> COMMANDS = List.of("forward", "slight-right", "sharp-right", "slight-left");
    /** Motor names. */
    public static final List<String> MOTORS = List.of("motor-left", "motor-right");
    /** Duty (permille) of {left, right} per command. */
    private static final int[][] DUTIES = {{800, 800}, {800, 500}, {800, 200}, {500, 800}};
    /** Name of the significance button. */
    public static final String SIGNIFICANCE = "significance";
    /** Tick period: 1 ms. */
    public static final long TICK_NANOS = 1_000_000;
    /** Ticks per sample: 111 ticks of 1 ms, the trace's 9 samples per second. */
    public static final int TICKS_PER_SAMPLE = 111;
    /** Feature neurons: 24 x 800 weights and consolidation levels fit the RP2040 budget with room to spare. */
    public static final int FEATURES = 800;
    /** Ticks between snapshots: every 30 s of driving. */
    public static final long CHECKPOINT_TICKS = 30_000;

    private RobotWiring() {
    }

    /** Teaching input name of a command. */
    public static String teacher(int command) {
        return "teach-" + COMMANDS.get(command);
    }

    /** LED name of a command. */
    public static String led(int command) {
        return "led-" + COMMANDS.get(command);
    }

    /**
     * The classifier for {@code sensors} distance sensors: 16-tick presentations (a classification and a learning
     * presentation fit one sample period, and the estimated RP2040 cycles of every tick fit its 1 ms), vigilance 0.98
     * (sonar patterns differ by small angles, so features must match closely).
     */
    public static ClassifierConfig classifier(int sensors, long seed) {
        return new ClassifierConfig(sensors, FEATURES, COMMANDS.size(), 16, 2.0, 0.98, 0.7, 1.0, 0.5, 0.75, 0.5,
                seed);
    }

    /**
     * The firmware configuration for a board wired as above.
     *
     * @throws IllegalArgumentException naming what the board config lacks
     */
    public static FirmwareConfig config(BoardConfig board, McuProfile profile, String deviceId, long seed) {
        List<String> sensors = board.analogInputs().stream().map(BoardConfig.AnalogInputSpec::name).toList();
        List<String> inputs = board.digitalInputs().stream().map(BoardConfig.DigitalInputSpec::name).toList();
        List<String> outputs = board.digitalOutputs().stream().map(BoardConfig.DigitalOutputSpec::name).toList();
        List<String> pwms = board.pwmOutputs().stream().map(BoardConfig.PwmSpec::name).toList();
        if (sensors.isEmpty()) {
            throw new IllegalArgumentException(board.source() + ": the robot needs at least one analog input");
        }
        if (!pwms.containsAll(MOTORS)) {
            throw new IllegalArgumentException(board.source() + ": the robot needs PWM outputs " + MOTORS);
        }
        List<String> teachers = all(inputs, RobotWiring::teacher);
        List<String> leds = all(outputs, RobotWiring::led);
        String significance = inputs.contains(SIGNIFICANCE) ? SIGNIFICANCE : null;
        return new FirmwareConfig(deviceId, profile, classifier(sensors.size(), seed), sensors,
                SensorTransform.NEARNESS, teachers, significance, 3.0, MOTORS, DUTIES, leds, TICK_NANOS,
                TICKS_PER_SAMPLE, CHECKPOINT_TICKS);
    }

    private static List<String> all(List<String> present, java.util.function.IntFunction<String> name) {
        List<String> wanted = java.util.stream.IntStream.range(0, COMMANDS.size()).mapToObj(name).toList();
        return present.containsAll(wanted) ? wanted : List.of();
    }

    /** The command whose duties are {@code left} and {@code right} on motors of full scale {@code maxDuty}, or -1. */
    public static int commandOf(int left, int right, int maxDuty) {
        for (int k = 0; k < DUTIES.length; k++) {
            if (left == DUTIES[k][0] * maxDuty / 1000 && right == DUTIES[k][1] * maxDuty / 1000) {
                return k;
            }
        }
        return -1;
    }
}
