package dev.aplysia.device.mcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aplysia.device.RequiredPackage;
import dev.aplysia.device.model.McuProfile;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The board self-check cross-compiled for the RP2040's Cortex-M0+ and run under {@code qemu-system-arm -M mps2-an385}
 * with semihosting and {@code -icount shift=0} ({@code make mcu-check}), run once for all the tests here.
 */
class QemuBoardTest {

    /**
     * SysTick's step in instructions under {@code -icount shift=0}, as docs/mcu.md documents it: QEMU's MPS2 clocks
     * SysTick at 25 MHz (40 ns) and icount advances 1 ns per instruction.
     */
    private static final int DOCUMENTED_RESOLUTION = 40;
    /** SysTick's period in counts: a 24-bit down-counter. */
    private static final long SYSTICK_PERIOD = 1L << 24;

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, 0 failed");
    private static final Pattern CALIBRATION = Pattern.compile(
            "calibration: (\\d+) instructions x (\\d+) iterations, (\\d+) counted, resolution (\\d+)");

    private static SelfCheckMake.Result run;

    @BeforeAll
    static void runUnderQemu() throws Exception {
        RequiredPackage.require(SelfCheckMake.onPath("make") && SelfCheckMake.onPath("arm-none-eabi-gcc")
                        && SelfCheckMake.onPath("arm-none-eabi-size") && newlibInstalled(),
                "the ARM toolchain (Debian packages make, gcc-arm-none-eabi, libnewlib-arm-none-eabi) is not installed");
        RequiredPackage.require(SelfCheckMake.onPath("qemu-system-arm"),
                "QEMU (Debian package qemu-system-arm) is not installed");
        run = SelfCheckMake.run("mcu-check");
    }

    /** The guest's exit code (through semihosting) is 0 and it prints a summary with checks and no failures. */
    @Test
    void theSelfCheckPassesOnCortexM0Plus() {
        assertEquals(0, run.exitCode(), run.output());
        Matcher summary = onlyLine(SUMMARY);
        assertTrue(Integer.parseInt(summary.group(1)) > 0, run.output());
    }

    /** The JSON line names the target and gives text, data and bss bytes that fit an RP2040, and the checks' cost. */
    @Test
    void theReportGivesSizesAndInstructions() throws IOException {
        List<String> json = run.lines().stream().filter(line -> line.startsWith("{")).toList();
        assertEquals(1, json.size(), run.output());
        JsonNode report = new ObjectMapper().readTree(json.get(0));
        assertEquals("cortex-m0plus", report.path("target").asText(), json.get(0));
        for (String field : List.of("text", "data", "bss", "instructions")) {
            assertTrue(report.path(field).isIntegralNumber(), field + " in " + json.get(0));
        }
        assertTrue(report.path("text").asLong() > 0, json.get(0));
        assertTrue(report.path("instructions").asLong() > 0, json.get(0));
        assertTrue(report.path("data").asLong() + report.path("bss").asLong() <= McuProfile.RP2040.sramBytes(),
                json.get(0));
    }

    /**
     * A loop of a known number of instructions, long enough to cross SysTick's 24-bit wrap, counts its length to
     * within two steps of the documented resolution: the figure is a difference of two differences of readings, each
     * within one step.
     */
    @Test
    void aLoopOfKnownLengthCountsWithinTheResolution() {
        Matcher calibration = onlyLine(CALIBRATION);
        long expected = Long.parseLong(calibration.group(1)) * Long.parseLong(calibration.group(2));
        long counted = Long.parseLong(calibration.group(3));
        int resolution = Integer.parseInt(calibration.group(4));
        assertEquals(DOCUMENTED_RESOLUTION, resolution, run.output());
        assertTrue(expected > SYSTICK_PERIOD * resolution, "the loop must outlast one SysTick period: " + run.output());
        assertTrue(Math.abs(counted - expected) < 2L * resolution,
                "counted " + counted + " for " + expected + " instructions");
    }

    private static Matcher onlyLine(Pattern pattern) {
        List<Matcher> matches = run.lines().stream().map(pattern::matcher).filter(Matcher::matches).toList();
        assertEquals(1, matches.size(), run.output());
        return matches.get(0);
    }

    /** Whether arm-none-eabi-gcc finds newlib's semihosting specs (it echoes the bare name when it does not). */
    private static boolean newlibInstalled() throws IOException, InterruptedException {
        Process gcc = new ProcessBuilder("arm-none-eabi-gcc", "-print-file-name=rdimon.specs")
                .redirectErrorStream(true).start();
        String found = new String(gcc.getInputStream().readAllBytes()).trim();
        return gcc.waitFor() == 0 && !found.equals("rdimon.specs");
    }
}
