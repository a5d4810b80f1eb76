package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.fixtures.dataset.RobotTrace;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.SimBoard;
import dev.aplysia.hal.trace.TraceFile;
import dev.aplysia.hal.trace.TraceRecorder;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size of a recording: the robot firmware on the simulated example board, its eight sonars driven by every third
 * ranger of the UCI wall-following trace, taught for the first half, all 5456 samples (605,616 ticks, 10.1 simulated
 * minutes). Prints the figure per simulated hour that {@code docs/benchmarks.md} quotes.
 */
class TraceSizeTest {

    /** Lines a sample writes: 8 sonar, 4 teacher and 2 significance reads; 2 motor duties and 4 LED levels. */
    private static final int LINES_PER_SAMPLE = 20;
    /** Clock lines of a whole run on the simulated clock: two readings to set the step, then steady runs. */
    private static final int CLOCK_LINES = 4;
    /** The longest line: a 7-digit tick, an 18-letter channel, a 5-letter operation, a 4-digit value. */
    private static final int MAX_LINE_BYTES = 7 + 1 + 18 + 1 + 5 + 1 + 4 + 1;
    /** The header line, 16-hex-digit hash included, with room for a long version. */
    private static final int HEADER_BYTES = 100;
    /** The gzip member's header and trailer around the deflate stream. */
    private static final int GZIP_FRAMING_BYTES = 18;
    private static final int ADC_MAX = 1023;
    private static final int ADC_RANGE_MM = 5100;

    @TempDir
    Path dir;

    @Test
    void aRecordingGrowsWithTheRobotsSamplesNotWithItsTicks() throws Exception {
        RobotTrace uci = Fixtures.wallFollowingRobot();
        Path file = dir.resolve("robot.trace");

        long ticks = record(uci, file);

        long textBound = HEADER_BYTES + (CLOCK_LINES + (long) LINES_PER_SAMPLE * (uci.size() + 1)) * MAX_LINE_BYTES;
        long bound = deflateBound(textBound) + GZIP_FRAMING_BYTES;
        long bytes = Files.size(file);
        System.out.printf("trace size: %,d bytes for %,d ticks of %d ns: %,d bytes per simulated hour%n", bytes,
                ticks, RobotWiring.TICK_NANOS, bytes * 3_600_000_000_000L / (ticks * RobotWiring.TICK_NANOS));
        assertTrue(bytes <= bound, bytes + " bytes exceed the bound of the encoding, " + bound);
    }

    /** zlib's {@code deflateBound}: the most deflate output for {@code length} input bytes, however incompressible. */
    private static long deflateBound(long length) {
        return length + (length >> 12) + (length >> 14) + (length >> 25) + 13;
    }

    /** Records the robot over every row of {@code uci} into {@code file}; returns the ticks run. */
    private static long record(RobotTrace uci, Path file) throws HalException, IOException {
        SimBoard sim = SimBoard.of(RobotBench.board());
        FirmwareConfig config = RobotBench.config(McuProfile.RP2040);
        Firmware firmware;
        try (Writer out = TraceFile.create(file);
             TraceRecorder recorder = new TraceRecorder(sim, RobotBench.header(config), out)) {
            firmware = new Firmware(config, recorder, FirmwareEvents.NONE);
            FirmwareRunner runner = new FirmwareRunner(firmware);
            for (int row = 0; row < uci.size(); row++) {
                drive(sim, config, uci, row, row < uci.size() / 2);
                runner.runFor(config.sampleNanos());
            }
        }
        return firmware.counters().ticks();
    }

    private static void drive(SimBoard sim, FirmwareConfig config, RobotTrace uci, int row, boolean taught)
            throws HalException {
        for (int s = 0; s < config.sensors().size(); s++) {
            long millimetres = uci.distanceMillimetres(row, 3 * s);
            sim.analogInput("sonar" + s).drive((int) Math.min(ADC_MAX, millimetres * ADC_MAX / ADC_RANGE_MM));
        }
        for (int k = 0; k < RobotWiring.COMMANDS.size(); k++) {
            sim.digitalInput(RobotWiring.teacher(k)).drive(taught && uci.command(row) == k);
        }
    }
}
