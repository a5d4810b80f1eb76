package dev.aplysia.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded device-only jar, as {@code package} built it and as a Pi runs it: what it carries, and how it starts in
 * a JVM of its own at the heap the launcher gives it.
 */
class DeviceArtifactIT {

    private static final Path JAR = Path.of(System.getProperty("aplysia.device.jar"));
    private static final Path ROBOT_BOARD = Path.of(System.getProperty("aplysia.robot.board"));

    /** Packages the firmware does not need: broker, its network stack, charts, JSON binding, the host, SSH, NOP. */
    private static final List<String> FORBIDDEN = List.of("io/moquette/", "io/netty/", "org/knowm/",
            "com/fasterxml/jackson/databind/", "dev/aplysia/host/", "com/jcraft/", "org/slf4j/nop/");

    @TempDir
    Path directory;

    private static List<String> entries() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            return Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void theJarCarriesNoBrokerNettyChartsJacksonDatabindOrHostClasses() throws IOException {
        List<String> entries = entries();

        List<String> forbidden = entries.stream().filter(e -> FORBIDDEN.stream().anyMatch(e::startsWith)).toList();

        assertEquals(List.of(), forbidden);
        assertTrue(entries.contains("dev/aplysia/node/DeviceMain.class"), "the device main is missing");
        assertTrue(entries.contains("com/fasterxml/jackson/core/JsonParser.class"), "command parsing needs it");
    }

    /** The README says the device jar is under 3 MB; this keeps it true. */
    @Test
    void theJarStaysUnderThreeMegabytes() throws IOException {
        long bytes = Files.size(JAR);

        assertTrue(bytes < 3_000_000, JAR + " is " + bytes + " bytes");
    }

    @Test
    void theJarCarriesJnaNativesForThePisArmLinuxOnly() throws IOException {
        List<String> natives = entries().stream().filter(e -> e.startsWith("com/sun/jna/") && e.endsWith(".so"))
                .toList();

        assertEquals(List.of("com/sun/jna/linux-aarch64/libjnidispatch.so", "com/sun/jna/linux-arm/libjnidispatch.so",
                "com/sun/jna/linux-armel/libjnidispatch.so"), natives.stream().sorted().toList());
    }

    @Test
    void slf4jSimpleIsTheOnlyLoggingProvider() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            ZipEntry services = jar.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
            String providers = new String(jar.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8);

            assertEquals("org.slf4j.simple.SimpleServiceProvider", providers.strip());
        }
    }

    @Test
    void theSimulatedRobotRunsInThirtyTwoMegabytesOfHeap() throws Exception {
        Run run = java("-Xmx32m", "-jar", JAR.toString(), "run", "--config", ROBOT_BOARD.toString(), "--ticks", "200");

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("ticks 200,"), run.out());
        assertFalse(run.err().contains("SLF4J"), run.err());
    }

    @Test
    void verboseLogsTheJvmAtDebugLevelOnStderr() throws Exception {
        Run run = java("-Xmx32m", "-jar", JAR.toString(), "run", "--verbose", "--config", ROBOT_BOARD.toString(),
                "--ticks", "1");

        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("DEBUG DeviceMain - debug log on; Java 17"), run.err());
    }

    @Test
    void withoutVerboseNothingIsLoggedOnAQuietRun() throws Exception {
        Run run = java("-Xmx32m", "-jar", JAR.toString(), "run", "--config", ROBOT_BOARD.toString(), "--ticks", "1");

        assertEquals(0, run.code(), run.err());
        assertFalse(run.err().contains("DEBUG"), run.err());
    }

    @Test
    void thePiBoardOffAPiNamesWhatIsMissing() throws Exception {
        assumeFalse(Files.exists(Path.of("/proc/device-tree/model")), "this machine has a device tree: maybe a Pi");

        Run run = java("-Xmx32m", "-jar", JAR.toString(), "run", "--board", "pi4j", "--config",
                ROBOT_BOARD.toString(), "--state-dir", directory.toString());

        assertEquals(1, run.code(), run.err());
        assertEquals("aplysia-device: error: this machine cannot run the pi4j board: not a Raspberry Pi:"
                + " /proc/device-tree/model does not exist (the pi4j board runs only on a Raspberry Pi; use the"
                + " simulated board elsewhere)", run.err().strip());
    }

    /** What a finished JVM exited with and printed. */
    private record Run(int code, String out, String err) {
    }

    /** Runs a JVM like this one with {@code args}; 60 s is a hang guard, not a measurement. */
    private Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("no exit within 60 s: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
