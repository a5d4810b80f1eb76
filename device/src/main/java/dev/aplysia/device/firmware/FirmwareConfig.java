package dev.aplysia.device.firmware;

import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the classifier robot runs and how it is wired to its board: validated once, before anything runs.
 *
 * <p>Each sample period of {@code ticksPerSample} ticks: read {@code sensors} (analog inputs, through
 * {@code transform}) and the teaching inputs; classify; drive the actuators for the decided class (PWM duties in
 * permille of full scale from {@code dutyPermille[class][motor]}, and the class's LED); if a teaching input names the
 * true class and learning is on, learn the sample with the neuromodulator at 1, or at {@code significanceGain} when
 * the significance input saw a press during the period.
 *
 * @param deviceId         MQTT-safe identifier
 * @param profile          MCU whose memory and cycle budget the firmware must fit
 * @param classifier       the learner's shape and constants; {@code inputs} must equal the sensor count
 * @param sensors          analog input names, in encoder order
 * @param transform        counts to intensity
 * @param teachers         digital input names, one per class (high = "this is the class"); empty for no teaching
 * @param significance     digital input name of the significance button, or null
 * @param significanceGain neuromodulator level of a significant sample, >= 1
 * @param motors           PWM output names
 * @param dutyPermille     duty per class and motor, 0..1000
 * @param safeDuties       per motor, the duty in the motor's counts (0..its max duty) that leaves it harmless: what
 *                         the motor is driven to when the firmware halts, stalls or shuts down
 * @param classLeds        digital output names, one per class (lit for the decided class); empty for none
 * @param safeLevels       per LED, its level when halted (true: high)
 * @param tickNanos        tick period
 * @param ticksPerSample   ticks per sample period; must hold a classification and a learning presentation
 * @param checkpointTicks  ticks between snapshots (0: only at shutdown)
 */
public record FirmwareConfig(String deviceId, McuProfile profile, ClassifierConfig classifier, List<String> sensors,
                             SensorTransform transform, List<String> teachers, String significance,
                             double significanceGain, List<String> motors, int[][] dutyPermille, int[] safeDuties,
                             List<String> classLeds, boolean[] safeLevels, long tickNanos, int ticksPerSample,
                             long checkpointTicks) implements LoopConfig {

    public FirmwareConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(classifier, "classifier");
        sensors = List.copyOf(sensors);
        teachers = List.copyOf(teachers);
        motors = List.copyOf(motors);
        classLeds = List.copyOf(classLeds);
        dutyPermille = deepCopy(dutyPermille);
        safeDuties = safeDuties.clone();
        safeLevels = safeLevels.clone();
        validate(deviceId, classifier, sensors, teachers, significanceGain, motors, dutyPermille, classLeds, tickNanos,
                ticksPerSample, checkpointTicks);
        validateSafeValues(motors, safeDuties, classLeds, safeLevels);
    }

    private static void validateSafeValues(List<String> motors, int[] safeDuties, List<String> classLeds,
                                           boolean[] safeLevels) {
        require(safeDuties.length == motors.size(), "safeDuties needs one duty per motor (" + motors.size() + ")");
        for (int duty : safeDuties) {
            require(duty >= 0, "safe duties are counts, at least 0, got " + duty);
        }
        require(safeLevels.length == classLeds.size(), "safeLevels needs one level per LED (" + classLeds.size()
                + ")");
    }

    private static void validate(String deviceId, ClassifierConfig classifier, List<String> sensors,
                                 List<String> teachers, double significanceGain, List<String> motors,
                                 int[][] dutyPermille, List<String> classLeds, long tickNanos, int ticksPerSample,
                                 long checkpointTicks) {
        require(deviceId != null && deviceId.matches("[A-Za-z0-9_-]{1,64}"),
                "device id must be 1-64 characters of A-Z a-z 0-9 _ -, got '" + deviceId + "'");
        require(sensors.size() == classifier.inputs(), "the classifier has " + classifier.inputs()
                + " inputs but " + sensors.size() + " sensors are wired");
        require(teachers.isEmpty() || teachers.size() == classifier.classes(), "wire one teaching input per class ("
                + classifier.classes() + ") or none, not " + teachers.size());
        require(classLeds.isEmpty() || classLeds.size() == classifier.classes(), "wire one LED per class ("
                + classifier.classes() + ") or none, not " + classLeds.size());
        require(dutyPermille.length == classifier.classes(), "dutyPermille needs one row per class");
        for (int[] row : dutyPermille) {
            require(row.length == motors.size(), "dutyPermille needs one column per motor (" + motors.size() + ")");
            for (int duty : row) {
                require(duty >= 0 && duty <= 1000, "duties are permille, 0..1000, got " + duty);
            }
        }
        require(significanceGain >= 1 && significanceGain < 4, "significanceGain must be in [1, 4)");
        require(tickNanos > 0, "tickNanos must be positive");
        require(checkpointTicks >= 0, "checkpointTicks must be >= 0");
        int needed = busyTicks(classifier);
        require(ticksPerSample >= needed, "a sample period of " + ticksPerSample + " ticks cannot hold a"
                + " classification and a learning presentation (" + needed + " ticks)");
    }

    /** Ticks a sample may keep the core busy: the longest classification plus one learning presentation. */
    public static int busyTicks(ClassifierConfig classifier) {
        return SpikingClassifier.MAX_CLASSIFY_PRESENTATIONS * classifier.ticksPerSample()
                + classifier.ticksPerSample() + 1;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static int[][] deepCopy(int[][] rows) {
        int[][] copy = new int[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            copy[k] = rows[k].clone();
        }
        return copy;
    }

    /** Duty of {@code motor} for {@code decided} class, permille. */
    @Override
    public int duty(int decided, int motor) {
        return dutyPermille[decided][motor];
    }

    @Override
    public long seed() {
        return classifier.seed();
    }

    /**
     * Every setting that decides what the firmware does on its board, as stable text (records in their
     * {@code Name[field=value, ...]} form), for a trace header's config hash: all components but the device id, which
     * only names MQTT topics, and the classifier's seed, which the header carries as a field of its own.
     */
    @Override
    public String runSettings() {
        return String.join("\n", "profile " + profile, "classifier " + classifier.withSeed(0),
                "sensors " + sensors + " " + transform, "teachers " + teachers,
                "significance " + significance + " gain " + significanceGain, "motors " + motors,
                "duty permille " + Arrays.deepToString(dutyPermille), "class leds " + classLeds,
                "tick " + tickNanos + " ns, " + ticksPerSample + " ticks per sample, checkpoint every "
                        + checkpointTicks + " ticks");
    }

    /** Safe duty of {@code motor}, in its counts. */
    @Override
    public int safeDuty(int motor) {
        return safeDuties[motor];
    }

    /** Safe level of LED {@code led}: true for high. */
    @Override
    public boolean safeLevel(int led) {
        return safeLevels[led];
    }
}
