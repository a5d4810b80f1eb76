package dev.aplysia.device.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aplysia.device.RequiredPackage;
import dev.aplysia.device.export.CGoldenSource;
import dev.aplysia.device.export.CSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every committed golden vector on the C core cross-compiled for the RP2040's Cortex-M0+
 * ({@code arm-none-eabi-gcc -mcpu=cortex-m0plus -mthumb -Os}) and run under {@code qemu-system-arm -M mps2-an385}
 * with semihosting and {@code -icount shift=0} ({@code board/mcu.mk}), through the golden part of an exported
 * project's {@code make qemu-check} ({@code make golden-qemu-check}): the same {@code N passed, 0 failed} as on the
 * host, the program's size, and the instructions of each network step counted through SysTick. Skips without the
 * toolchain or QEMU, fails without them under CI.
 */
class QemuGoldenTest {

    private static final Path PROJECT = Path.of("target", "c-golden-mcu");
    private static final Pattern PER_TICK = Pattern.compile(
            "per tick: mean (\\d+), max (\\d+), over (\\d+) ticks \\(resolution (\\d+) instructions\\)");

    @Test
    void everyGoldenVectorMatchesOnCortexM0PlusUnderQemu() throws IOException, InterruptedException {
        for (String tool : List.of("make", "arm-none-eabi-gcc", "arm-none-eabi-size", "qemu-system-arm")) {
            RequiredPackage.require(onPath(tool), tool + " is not installed (Debian packages make, gcc-arm-none-eabi,"
                    + " libnewlib-arm-none-eabi, qemu-system-arm)");
        }
        HostGcc project = new HostGcc(PROJECT);
        CSources.copyInto(PROJECT, path -> !path.startsWith("check/"));
        CGoldenSource.write(PROJECT, CGoldenTest.COMMITTED);

        HostGcc.Result run = project.run(List.of("make", "golden-qemu-check"));

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains(GoldenScenarios.all().size() + " passed, 0 failed"), run.output());
        JsonNode report = new ObjectMapper().readTree(Arrays.stream(run.output().split("\n"))
                .filter(line -> line.startsWith("{")).reduce((a, b) -> b).orElseThrow());
        assertEquals("cortex-m0plus", report.path("target").asText());
        assertEquals("goldens", report.path("check").asText());
        assertTrue(report.path("text").asLong() > 0 && report.path("instructions").asLong() > 0, report.toString());
        Matcher perTick = PER_TICK.matcher(run.output());
        assertTrue(perTick.find(), run.output());
        long mean = Long.parseLong(perTick.group(1));
        long max = Long.parseLong(perTick.group(2));
        assertTrue(mean > 0 && max >= mean, perTick.group());
        System.out.println("golden vectors on cortex-m0plus: " + report + ", " + perTick.group());
    }

    /** True if {@code tool} is an executable on the PATH. */
    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
