package dev.aplysia.device.firmware;

import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.ChannelKind;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The learning robot: distance sensors in, one of four driving commands out, taught by a demonstrator. Channel names
 * are the wiring contract a board config must follow:
 * <ul>
 *   <li>every analog input is a distance sensor, in config order;</li>
 *   <li>PWM outputs {@code motor-left} and {@code motor-right} drive a differential drive;</li>
 *   <li>optional digital inputs {@code teach-forward}, {@code teach-slight-right}, {@code teach-sharp-right},
 *       {@code teach-slight-left} carry the demonstrator's command (all four, or none for a robot that only acts);</li>
 *   <li>optional digital input {@code significance}: a button that makes the current sample significant;</li>
 *   <li>optional digital outputs {@code led-forward}, ... {@code led-slight-left} show the decided command (all four,
 *       or none).</li>
 * </ul>
 * Nothing else: a digital or PWM channel of another name is refused, as is a partial set, so that a misspelt button
 * fails at start instead of quietly turning teaching off.
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
     * presentation fit one sample period), vigilance 0.98 (sonar patterns differ by small angles, so features must
     * match closely). Its busy ticks do not fit an RP2040's 1 ms: see docs/mcu.md for the measured figures.
     */
    public static ClassifierConfig classifier(int sensors, long seed) {
        return classifier(sensors, FEATURES, 16, seed);
    }

    /**
     * The robot's classifier with {@code features} feature neurons and presentations of {@code presentationTicks}
     * ticks: a smaller robot, as a fleet of many on one machine runs.
     */
    public static ClassifierConfig classifier(int sensors, int features, int presentationTicks, long seed) {
        return new ClassifierConfig(sensors, features, COMMANDS.size(), presentationTicks, 2.0, 0.98, 0.7, 1.0, 0.5,
                0.75, 0.5, seed);
    }

    /**
     * The firmware configuration for a board wired as above.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} listing, one per line, every way the board config breaks
     *                      the contract: a channel the robot does not use ({@code file:line:}, a misspelling usually),
     *                      a partial set of teaching inputs or LEDs ({@code file:line:} of the first one declared),
     *                      a missing motor or no analog input ({@code file:}, there being no line to point at)
     */
    public static FirmwareConfig config(BoardConfig board, McuProfile profile, String deviceId, long seed)
            throws HalException {
        return config(board, profile, deviceId, classifier(board.analogInputs().size(), seed), TICK_NANOS,
                TICKS_PER_SAMPLE, CHECKPOINT_TICKS);
    }

    /**
     * The configuration for a board wired as above, running {@code classifier} (whose inputs must be the board's
     * analog inputs) with ticks of {@code tickNanos}, sample periods of {@code ticksPerSample} ticks, a snapshot every
     * {@code checkpointTicks} (0: at shutdown only).
     *
     * @throws HalException as {@link #config(BoardConfig, McuProfile, String, long)}
     */
    public static FirmwareConfig config(BoardConfig board, McuProfile profile, String deviceId,
                                        ClassifierConfig classifier, long tickNanos, int ticksPerSample,
                                        long checkpointTicks)
            throws HalException {
        List<String> sensors = board.analogInputs().stream().map(BoardConfig.AnalogInputSpec::name).toList();
        List<Declared> inputs = board.digitalInputs().stream()
                .map(s -> new Declared(ChannelKind.DIGITAL_INPUT, s.name(), s.line())).toList();
        List<Declared> outputs = board.digitalOutputs().stream()
                .map(s -> new Declared(ChannelKind.DIGITAL_OUTPUT, s.name(), s.line())).toList();
        List<Declared> pwms = board.pwmOutputs().stream()
                .map(s -> new Declared(ChannelKind.PWM_OUTPUT, s.name(), s.line())).toList();
        check(board, sensors, inputs, outputs, pwms);
        List<String> teachers = declares(inputs, teacher(0)) ? names(RobotWiring::teacher) : List.of();
        List<String> leds = declares(outputs, led(0)) ? names(RobotWiring::led) : List.of();
        String significance = declares(inputs, SIGNIFICANCE) ? SIGNIFICANCE : null;
        return new FirmwareConfig(deviceId, profile, classifier, sensors, SensorTransform.NEARNESS, teachers,
                significance, 3.0, MOTORS, DUTIES, safeDuties(board), leds, safeLevels(board, leds), tickNanos,
                ticksPerSample, checkpointTicks);
    }

    /** The board's safe duty of each motor, in {@link #MOTORS} order. */
    private static int[] safeDuties(BoardConfig board) {
        return MOTORS.stream().mapToInt(motor -> board.pwmOutputs().stream()
                .filter(spec -> spec.name().equals(motor)).findFirst().orElseThrow().safeDuty()).toArray();
    }

    /** The board's safe level of each of {@code leds}, in that order. */
    private static boolean[] safeLevels(BoardConfig board, List<String> leds) {
        boolean[] levels = new boolean[leds.size()];
        for (int k = 0; k < levels.length; k++) {
            String led = leds.get(k);
            levels[k] = board.digitalOutputs().stream().filter(spec -> spec.name().equals(led)).findFirst()
                    .orElseThrow().safeHigh();
        }
        return levels;
    }

    private static void check(BoardConfig board, List<String> sensors, List<Declared> inputs, List<Declared> outputs,
                              List<Declared> pwms) throws HalException {
        List<String> problems = new ArrayList<>();
        rejectUnused(board, inputs, concat(names(RobotWiring::teacher), List.of(SIGNIFICANCE)), problems);
        rejectUnused(board, outputs, names(RobotWiring::led), problems);
        rejectUnused(board, pwms, MOTORS, problems);
        requireAllOrNone(board, inputs, names(RobotWiring::teacher), "teaching inputs", problems);
        requireAllOrNone(board, outputs, names(RobotWiring::led), "LEDs", problems);
        requireMotors(board, pwms, problems);
        if (sensors.isEmpty()) {
            problems.add(board.source() + ": the robot needs at least one analog input (a distance sensor)");
        }
        if (!problems.isEmpty()) {
            throw new HalException(ErrorKind.INVALID_CONFIG, String.join(System.lineSeparator(), problems));
        }
    }

    /** A declared channel of one of the kinds the robot names. */
    private record Declared(ChannelKind kind, String name, int line) {
    }

    private static void rejectUnused(BoardConfig board, List<Declared> declared, List<String> used,
                                     List<String> problems) {
        for (Declared channel : declared) {
            if (!used.contains(channel.name())) {
                problems.add(board.where(channel.line()) + " " + channel.kind().keyword() + " '" + channel.name()
                        + "' is not a channel the robot uses; its " + channel.kind().description() + "s are "
                        + String.join(", ", used));
            }
        }
    }

    /** A problem naming the missing ones, on the line of the first declared, unless all or none are declared. */
    private static void requireAllOrNone(BoardConfig board, List<Declared> declared, List<String> wanted,
                                         String what, List<String> problems) {
        List<Declared> present = declared.stream().filter(d -> wanted.contains(d.name())).toList();
        List<String> missing = wanted.stream().filter(name -> !declares(declared, name)).toList();
        if (!present.isEmpty() && !missing.isEmpty()) {
            problems.add(board.where(present.get(0).line()) + " " + what + " must be all " + wanted.size()
                    + " or none: " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " missing");
        }
    }

    private static void requireMotors(BoardConfig board, List<Declared> pwms, List<String> problems) {
        for (String motor : MOTORS) {
            if (!declares(pwms, motor)) {
                problems.add(board.source() + ": the robot needs pwm '" + motor + "' (it drives "
                        + String.join(" and ", MOTORS) + ")");
            }
        }
    }

    private static boolean declares(List<Declared> declared, String name) {
        return declared.stream().anyMatch(d -> d.name().equals(name));
    }

    private static List<String> names(IntFunction<String> name) {
        return IntStream.range(0, COMMANDS.size()).mapToObj(name).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
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
