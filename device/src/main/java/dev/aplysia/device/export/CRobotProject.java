package dev.aplysia.device.export;

import dev.aplysia.device.firmware.Firmware;
import dev.aplysia.device.firmware.FirmwareConfig;
import dev.aplysia.device.firmware.FirmwareCounters;
import dev.aplysia.device.firmware.FirmwareEvents;
import dev.aplysia.device.firmware.FirmwareRunner;
import dev.aplysia.device.firmware.TickUtilisation;
import dev.aplysia.device.firmware.RobotWiring;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.persist.SnapshotCodec;
import dev.aplysia.device.persist.SnapshotException;
import dev.aplysia.hal.Board;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.HalException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * The C project {@code aplysia export c --network robot} writes: the packaged sources ({@link CSources}: core,
 * firmware loop, board ports, the robot check's runner, {@code Makefile}, {@code README.md}); in {@code network/}
 * the tables of {@link RobotWiring#classifier}, its snapshot layout and optional start-up snapshot, the firmware's
 * channels and constants ({@code robot_firmware.c}) and what the check needs of the emulated board
 * ({@code network.mk}); in {@code check/} the recorded inputs of every sample period and the transcript of the Java
 * {@link Firmware} run on a {@link Bench} wired as {@link #board} and fed those inputs, which the C runner compares
 * line by line. Channels are numbered in the firmware config's order (sensors, teaching inputs then the significance
 * button, motors, LEDs).
 */
public final class CRobotProject implements CProject {

    /** The network's name. */
    public static final String NETWORK = "robot";
    /**
     * Sample periods the check runs: the first {@value} rows of the UCI wall-following trace, 40 s of driving and
     * 39,960 ticks, long enough to pass one checkpoint ({@link RobotWiring#CHECKPOINT_TICKS}) and short enough for
     * {@code make check} (both builds) to take seconds and {@code make qemu-check} well under a minute.
     */
    public static final int SAMPLES = 360;
    /** Periods with the demonstrator's command on the teaching inputs (learned); the rest only act. */
    public static final int TAUGHT = 240;
    /** Every this many taught periods, the significance button is held (a significant sample). */
    public static final int SIGNIFICANT_EVERY = 20;
    /** Full scale of the bench's sonar converter (10 bits, MCP3008), as the host's robot replay. */
    public static final int ADC_MAX = 1023;
    /** Distance at full scale, millimetres. */
    public static final int ADC_RANGE_MM = 5100;
    private static final int MAX_DUTY = 1000;
    /** The first LED's BCM pin, past both SPI buses' pins. */
    private static final int LED_PIN = 22;
    private static final String DEVICE_ID = "robot-c";

    /**
     * The inputs of every sample period: {@code counts[n]} the sensors' converter counts, {@code teacher[n]} the class
     * whose teaching input is high (-1: all low), {@code significance[n]} the significance button's level.
     */
    public record Samples(int[][] counts, int[] teacher, boolean[] significance) {

        public Samples {
            if (counts.length != teacher.length || counts.length != significance.length) {
                throw new IllegalArgumentException(counts.length + " periods of counts, " + teacher.length
                        + " of teaching, " + significance.length + " of significance");
            }
        }

        /**
         * {@code size} periods of {@code sensors} distances (millimetres, converted as the host's replay does:
         * {@code min(ADC_MAX, mm * ADC_MAX / ADC_RANGE_MM)}), the first {@code taught} with their command on the
         * teaching inputs and every {@code significantEvery}-th of those significant.
         */
        public static Samples of(int size, int sensors, IntBinaryOperator distanceMm, IntUnaryOperator command,
                int taught, int significantEvery) {
            int[][] counts = new int[size][sensors];
            int[] teacher = new int[size];
            boolean[] significance = new boolean[size];
            for (int n = 0; n < size; n++) {
                for (int s = 0; s < sensors; s++) {
                    counts[n][s] = (int) Math.min(ADC_MAX, (long) distanceMm.applyAsInt(n, s) * ADC_MAX
                            / ADC_RANGE_MM);
                }
                teacher[n] = n < taught ? command.applyAsInt(n) : -1;
                significance[n] = n < taught && n % significantEvery == significantEvery - 1;
            }
            return new Samples(counts, teacher, significance);
        }

        int size() {
            return teacher.length;
        }
    }

    /**
     * A board whose inputs the check drives and whose outputs it reads back: a simulated board, which the device
     * module does not see (the caller adapts one).
     */
    public interface Bench {

        /** The board the firmware runs on. */
        Board board();

        /** Sets what analog input {@code name} converts to. */
        void driveAnalog(String name, int counts) throws HalException;

        /** Sets the level of digital input {@code name}. */
        void driveDigital(String name, boolean high) throws HalException;

        /** The duty PWM output {@code name} was last set to, in counts. */
        int duty(String name) throws HalException;
    }

    private final FirmwareConfig config;
    private final Samples samples;
    private final Optional<byte[]> snapshot;
    private final int snapshotBytes;
    private final List<String> transcript = new ArrayList<>();
    private final int[] decided;
    private final int[] duties;
    private final int[] leds;
    private final int[] learned;
    private final int[] counters;
    private final long crc;
    private final long operations;
    private final TickUtilisation utilisation;
    private final int analogMax;
    private final int pwmMax;

    private CRobotProject(FirmwareConfig config, Samples samples, Optional<byte[]> snapshot, Bench bench,
            Firmware firmware, DecisionRecorder decisions) throws HalException {
        this.config = config;
        this.samples = samples;
        this.snapshot = snapshot;
        this.snapshotBytes = SnapshotCodec.encode(firmware.network()).length;
        this.analogMax = bench.board().analogInput(config.sensors().get(0)).maxValue();
        this.pwmMax = bench.board().pwmOutput(config.motors().get(0)).maxDuty();
        decided = new int[samples.size()];
        duties = new int[samples.size() * config.motors().size()];
        leds = new int[samples.size()];
        learned = new int[samples.size()];
        FirmwareRunner runner = new FirmwareRunner(firmware);
        for (int n = 0; n < samples.size(); n++) {
            drive(bench, n);
            runner.run(config.ticksPerSample());
            record(bench, n, decisions.decided, firmware.counters().learned());
        }
        utilisation = firmware.counters().utilisation();
        counters = countersOf(firmware.counters());
        transcript.add(countersLine(counters));
        crc = StateCrc.of(firmware.network());
        transcript.add(String.format("crc %08x", crc));
        operations = firmware.network().counters().total();
    }

    /**
     * The project for the robot classifier of {@code seed} checked against {@code profile}, starting from its freshly
     * built state or from {@code snapshot}; runs the Java firmware on the bench {@code benches} builds for
     * {@link #board}.
     *
     * @throws SnapshotException if {@code snapshot} does not load into the robot's network (the codec's reason)
     * @throws HalException      if the bench lacks a channel of the board
     */
    public static CRobotProject of(long seed, McuProfile profile, Samples samples, Optional<byte[]> snapshot,
            Function<BoardConfig, Bench> benches) throws SnapshotException, HalException {
        BoardConfig board = board(samples.counts().length == 0 ? 0 : samples.counts()[0].length);
        Bench bench = benches.apply(board);
        FirmwareConfig config = RobotWiring.config(board, profile, DEVICE_ID, seed);
        DecisionRecorder decisions = new DecisionRecorder();
        Firmware firmware = new Firmware(config, bench.board(), decisions);
        if (snapshot.isPresent()) {
            SnapshotCodec.decode(firmware.network(), snapshot.get());
        }
        return new CRobotProject(config, samples, snapshot, bench, firmware, decisions);
    }

    /**
     * The bench's wiring: {@code sensors} sonars {@code sonar<i>} on MCP3008 converters, the four teaching inputs,
     * the significance button, both motors (full scale {@value #MAX_DUTY}) and the four command LEDs.
     */
    public static BoardConfig board(int sensors) throws HalException {
        StringBuilder text = new StringBuilder();
        int pin = 2;
        for (int command = 0; command < RobotWiring.COMMANDS.size(); command++) {
            text.append("digital-in ").append(RobotWiring.teacher(command)).append(" pin=").append(pin++).append('\n');
        }
        text.append("digital-in ").append(RobotWiring.SIGNIFICANCE).append(" pin=").append(pin).append('\n');
        for (int command = 0; command < RobotWiring.COMMANDS.size(); command++) {
            text.append("digital-out ").append(RobotWiring.led(command)).append(" pin=").append(LED_PIN + command)
                    .append('\n');
        }
        for (int m = 0; m < RobotWiring.MOTORS.size(); m++) {
            text.append("pwm ").append(RobotWiring.MOTORS.get(m)).append(" pin=").append(12 + m)
                    .append(" chip=0 channel=").append(m).append(" frequency=1000 maxduty=").append(MAX_DUTY)
                    .append('\n');
        }
        for (int adc = 0; adc * 8 < sensors; adc++) {
            text.append("adc adc").append(adc).append(" type=mcp3008 spi=").append(adc / 2).append(" cs=")
                    .append(adc % 2).append('\n');
        }
        for (int s = 0; s < sensors; s++) {
            text.append("analog sonar").append(s).append(" adc=adc").append(s / 8).append(" channel=").append(s % 8)
                    .append('\n');
        }
        return BoardConfig.parse("robot-c-check.board", text.toString());
    }

    /** Remembers the class the firmware last drove its outputs for. */
    private static final class DecisionRecorder implements FirmwareEvents {
        private int decided = -1;

        @Override
        public void decided(long tick, long sample, int decided, int taught) {
            this.decided = decided;
        }
    }

    private void drive(Bench bench, int n) throws HalException {
        for (int s = 0; s < config.sensors().size(); s++) {
            bench.driveAnalog(config.sensors().get(s), samples.counts()[n][s]);
        }
        for (int k = 0; k < config.teachers().size(); k++) {
            bench.driveDigital(config.teachers().get(k), samples.teacher()[n] == k);
        }
        if (config.significance() != null) {
            bench.driveDigital(config.significance(), samples.significance()[n]);
        }
    }

    private void record(Bench bench, int n, int decision, long learnedSoFar) throws HalException {
        int motors = config.motors().size();
        StringBuilder line = new StringBuilder("sample ").append(n).append(" decided ").append(decision)
                .append(" motors");
        for (int m = 0; m < motors; m++) {
            duties[n * motors + m] = bench.duty(config.motors().get(m));
            line.append(' ').append(duties[n * motors + m]);
        }
        line.append(" leds ");
        for (int k = 0; k < config.classLeds().size(); k++) {
            boolean lit = bench.board().digitalOutput(config.classLeds().get(k)).isSetHigh();
            leds[n] |= lit ? 1 << k : 0;
            line.append(lit ? '1' : '0');
        }
        decided[n] = decision;
        learned[n] = (int) learnedSoFar;
        transcript.add(line.append(" learned ").append(learnedSoFar).toString());
    }

    private static int[] countersOf(FirmwareCounters c) {
        return new int[] {(int) c.samples(), (int) c.decisions(), (int) c.learned(), (int) c.significant(),
                (int) c.checkpoints(), (int) c.halErrors()};
    }

    private static String countersLine(int[] c) {
        return "counters samples " + c[0] + " decisions " + c[1] + " learned " + c[2] + " significant " + c[3]
                + " checkpoints " + c[4] + " errors " + c[5];
    }

    @Override
    public String network() {
        return NETWORK;
    }

    /** The Java firmware's transcript: per sample period its outputs and samples learned, the counters, the CRC. */
    @Override
    public List<String> transcript() {
        return transcript;
    }

    @Override
    public long operations() {
        return operations;
    }

    /**
     * The Java run's firmware ticks as the profile's cost model estimates them (network steps; the checkpoint's
     * snapshot and the sensing around a step are not costed), for comparison with the C run's measured ticks.
     */
    public TickUtilisation utilisation() {
        return utilisation;
    }

    @Override
    public void write(Path folder) throws IOException {
        CProjectFiles.copySources(folder, NETWORK);
        CProjectFiles.writeClassifier(folder, NETWORK, config.classifier(), config.profile(), snapshot);
        CProjectFiles.write(folder, "network/robot_firmware.c", firmwareSource());
        CProjectFiles.write(folder, "network/network.mk", emulatedBoard());
        CProjectFiles.write(folder, "check/robot_samples.c", samplesSource());
        CProjectFiles.write(folder, "check/robot_expected.c", expectedSource());
    }

    /** The emulated board the check needs: one channel per wired one, the bench's full scales. */
    private String emulatedBoard() {
        int inputs = config.teachers().size() + (config.significance() == null ? 0 : 1);
        return "# Generated by " + CRobotProject.class.getName() + ": the emulated board the robot check drives."
                + " Do not edit.\nNETWORK_CPPFLAGS := -DEMULATED_ANALOG_CHANNELS=" + config.sensors().size()
                + " -DEMULATED_ANALOG_MAX=" + analogMax + " -DEMULATED_DIGITAL_INPUTS=" + Math.max(1, inputs)
                + " -DEMULATED_DIGITAL_OUTPUTS=" + Math.max(1, config.classLeds().size())
                + " -DEMULATED_PWM_CHANNELS=" + config.motors().size() + " -DEMULATED_PWM_MAX=" + pwmMax + "\n";
    }

    private String firmwareSource() {
        StringBuilder c = CProjectFiles.header(CRobotProject.class, "the robot firmware's channels and constants");
        c.append("#include \"firmware.h\"\n\nextern const ap_classifier robot;\nextern const ap_snapshot_layout")
                .append(" robot_layout;\n\n");
        String sensors = channels(c, "robot_sensor_channels", config.sensors().size());
        String teachers = channels(c, "robot_teacher_channels", config.teachers().size());
        String motors = channels(c, "robot_motor_channels", config.motors().size());
        String ledChannels = channels(c, "robot_led_channels", config.classLeds().size());
        int[] permille = new int[config.classifier().classes() * config.motors().size()];
        for (int k = 0; k < permille.length; k++) {
            permille[k] = config.duty(k / config.motors().size(), k % config.motors().size());
        }
        c.append("static ");
        CProjectFiles.array(c, "uint16_t", "robot_duty_permille", permille);
        c.append("static uint8_t robot_snapshot_buffer[").append(snapshotBytes).append("];\n")
                .append("static int32_t robot_intensities[").append(config.sensors().size()).append("];\n")
                .append("static ap_firmware_state robot_firmware_state;\n\n")
                .append("const ap_firmware robot_firmware = {\n    &robot, &robot_layout,\n    ")
                .append(config.sensors().size()).append(", ").append(sensors).append(", ").append(transform())
                .append(",\n    ").append(config.teachers().size()).append(", ").append(teachers).append(", ")
                .append(config.significance() == null ? "AP_FIRMWARE_NO_BUTTON" : config.teachers().size())
                .append(", ").append(CClassifierTables.significanceQ15(config.significanceGain())).append(",\n    ")
                .append(config.motors().size()).append(", ").append(motors).append(", robot_duty_permille,\n    ")
                .append(config.classLeds().size()).append(", ").append(ledChannels).append(",\n    ")
                .append(config.ticksPerSample()).append(", ").append(config.checkpointTicks()).append("u,\n    ")
                .append("robot_snapshot_buffer, ").append(snapshotBytes).append("u,\n    robot_intensities,")
                .append(" &robot_firmware_state\n};\n");
        return c.toString();
    }

    /** Channels 0..count-1 as a static array; returns its name, or 0 for none (C has no empty arrays). */
    private static String channels(StringBuilder c, String name, int count) {
        if (count == 0) {
            return "0";
        }
        int[] numbers = new int[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = i;
        }
        c.append("static ");
        CProjectFiles.array(c, "uint8_t", name, numbers);
        return name;
    }

    private String transform() {
        return switch (config.transform()) {
            case LINEAR -> "AP_SENSOR_LINEAR";
            case NEARNESS -> "AP_SENSOR_NEARNESS";
        };
    }

    private String samplesSource() {
        StringBuilder c = CProjectFiles.header(CRobotProject.class, "the inputs of every sample period of the check");
        c.append("const int32_t robot_sample_count = ").append(samples.size()).append(";\n");
        int sensors = config.sensors().size();
        int[] counts = new int[samples.size() * sensors];
        int[] significance = new int[samples.size()];
        for (int n = 0; n < samples.size(); n++) {
            if (samples.counts()[n].length != sensors) {
                throw new IllegalArgumentException("period " + n + " has " + samples.counts()[n].length
                        + " sensor counts, the robot has " + sensors + " sensors");
            }
            System.arraycopy(samples.counts()[n], 0, counts, n * sensors, sensors);
            significance[n] = samples.significance()[n] ? 1 : 0;
        }
        CProjectFiles.array(c, "uint16_t", "robot_counts", counts);
        CProjectFiles.array(c, "int8_t", "robot_teacher", samples.teacher());
        CProjectFiles.array(c, "uint8_t", "robot_significance", significance);
        return c.toString();
    }

    private String expectedSource() {
        StringBuilder c = CProjectFiles.header(CRobotProject.class, "the Java firmware's transcript the check"
                + " compares with");
        CProjectFiles.array(c, "int8_t", "robot_expected_decided", decided);
        CProjectFiles.array(c, "uint16_t", "robot_expected_duties", duties);
        CProjectFiles.array(c, "uint8_t", "robot_expected_leds", leds);
        CProjectFiles.array(c, "uint32_t", "robot_expected_learned", learned);
        CProjectFiles.array(c, "uint32_t", "robot_expected_counters", counters);
        c.append("const uint32_t robot_expected_crc = UINT32_C(0x").append(String.format("%08x", crc)).append(");\n");
        return c.toString();
    }
}
