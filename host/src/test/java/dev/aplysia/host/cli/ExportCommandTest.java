package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.export.CRobotProject;
import dev.aplysia.device.golden.GoldenScenario;
import dev.aplysia.device.golden.GoldenScenarios;
import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.persist.SnapshotCodec;
import dev.aplysia.device.persist.SnapshotException;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.fixtures.golden.GoldenVector;
import dev.aplysia.host.collect.RequiredPackage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export c}: the written project passes its own check with host gcc, the golden vectors included, a corrupted
 * golden value fails it by name, and bad arguments are named.
 */
class ExportCommandTest {

    /** One check per learned and per classified sample, one for the state CRC and one for the accuracy. */
    private static final String PASS_LINE = (ExportCCommand.TRAIN + ExportCCommand.TEST + 2) + " passed, 0 failed";

    /** One check per sample period, one for the counters and one for the state CRC. */
    private static final String ROBOT_PASS_LINE = (CRobotProject.SAMPLES + 2) + " passed, 0 failed";

    /** One check per golden scenario, each replaying its committed vector. */
    private static final int GOLDEN_VECTORS = GoldenScenarios.all().size();
    private static final Pattern EXPECTED_VALUE = Pattern.compile("INT64_C\\((-?\\d+)\\)");

    /** A finished {@code make}: its exit code and its standard output and error, interleaved. */
    private record Make(int exit, String output) {

        long count(String line) {
            return Collections.frequency(output.lines().toList(), line);
        }
    }

    @Test
    void theExportedDigitsProjectPassesMakeCheckWithEveryGoldenVector(@TempDir Path folder) throws Exception {
        requireGccAndMake();
        Path out = export(folder);
        for (String part : List.of("core/aplysia.h", "board/host.mk", "network/digits_classifier.c",
                "network/digits_layout.c", "check/digits_expected.c", "goldens/golden_runner.c",
                "goldens/golden_scenarios.c", "goldens/golden_kwta.c", "Makefile", "README.md")) {
            assertTrue(Files.isRegularFile(out.resolve(part)), part);
        }
        assertTrue(!Files.exists(out.resolve("check/robot_runner.c")), "the robot's runner is left out");

        Make check = make(out);

        assertEquals(0, check.exit(), check.output());
        assertEquals(2, check.count(GOLDEN_VECTORS + " passed, 0 failed"), "goldens strict and sanitized: "
                + check.output());
        for (GoldenScenario scenario : GoldenScenarios.all()) {
            assertEquals(2, check.output().lines().filter(line -> line.startsWith("ok " + scenario.name() + ":"))
                    .count(), scenario.name() + ": " + check.output());
        }
        assertEquals(2, check.count(PASS_LINE), "digits strict and sanitized: " + check.output());
    }

    @Test
    void aCorruptedGoldenValueFailsMakeCheckNamingTheScenarioTickAndColumn(@TempDir Path folder) throws Exception {
        requireGccAndMake();
        Path out = export(folder);
        GoldenVector kwta = Fixtures.golden("kwta");
        long committed = kwta.value(4, "v1");
        corrupt(out.resolve("goldens/golden_kwta.c"), 5, kwta.columns().indexOf("v1"), committed, committed + 1);

        Make check = make(out);

        assertNotEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("FAIL kwta tick 5 column v1: expected " + (committed + 1) + ", got "
                + committed), check.output());
        assertEquals(1, check.count((GOLDEN_VECTORS - 1) + " passed, 1 failed"), check.output());
        assertEquals(0, check.count(PASS_LINE), "the digits check never ran: " + check.output());
    }

    @Test
    void theExportedRobotProjectPassesMakeCheck(@TempDir Path folder) throws Exception {
        requireGccAndMake();
        Path out = folder.resolve("robot-c");
        CliRun export = CliRun.of("export", "c", "--network", "robot", "--seed", "1", "--out", out.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertTrue(export.out().contains("wrote the robot project (" + (CRobotProject.SAMPLES + 2) + " checks)"),
                export.out());
        for (String part : List.of("firmware/firmware.c", "network/robot_classifier.c", "network/robot_firmware.c",
                "network/network.mk", "check/robot_samples.c", "check/robot_expected.c", "goldens/golden_kwta.c",
                "Makefile")) {
            assertTrue(Files.isRegularFile(out.resolve(part)), part);
        }
        assertTrue(!Files.exists(out.resolve("check/digits_runner.c")), "the digits runner is left out");

        Make check = make(out);

        assertEquals(0, check.exit(), check.output());
        assertEquals(2, check.count(GOLDEN_VECTORS + " passed, 0 failed"), "goldens strict and sanitized: "
                + check.output());
        assertEquals(2, check.count(ROBOT_PASS_LINE), "robot strict and sanitized: " + check.output());
    }

    @Test
    void aNonEmptyFolderIsRefusedUnlessForced(@TempDir Path out) throws IOException {
        Files.writeString(out.resolve("notes.txt"), "mine");
        CliRun refused = CliRun.of("export", "c", "--network", "digits", "--out", out.toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("--out " + out + " is not empty (use --force"), refused.err());
        assertEquals(List.of("notes.txt"), entries(out));

        CliRun forced = CliRun.of("export", "c", "--network", "digits", "--out", out.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(Files.isRegularFile(out.resolve("Makefile")) && Files.isRegularFile(out.resolve("notes.txt")));
    }

    @Test
    void aSnapshotOfAnotherNetworkIsRefusedWithTheCodecsReasonBeforeAnythingIsWritten(@TempDir Path folder)
            throws IOException {
        byte[] foreign = SnapshotCodec.encode(new SpikingClassifier(ClassifierConfig.digits(400, 2),
                McuProfile.RP2040).network());
        Path file = Files.write(folder.resolve("seed2.snapshot"), foreign);
        String reason = assertThrows(SnapshotException.class, () -> SnapshotCodec.check(new SpikingClassifier(
                ClassifierConfig.digits(400, 1), McuProfile.RP2040).network(), foreign)).getMessage();
        Path out = folder.resolve("out");

        CliRun run = CliRun.of("export", "c", "--network", "digits", "--snapshot", file.toString(), "--out",
                out.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--snapshot " + file + ": " + reason), run.err());
        assertTrue(!Files.exists(out) || entries(out).isEmpty(), "nothing written");
    }

    @Test
    void aDigitsSnapshotIsRefusedForTheRobotBeforeAnythingIsWritten(@TempDir Path folder) throws IOException {
        Path file = Files.write(folder.resolve("digits.snapshot"), SnapshotCodec.encode(new SpikingClassifier(
                ClassifierConfig.digits(400, 1), McuProfile.RP2040).network()));
        Path out = folder.resolve("out");

        CliRun run = CliRun.of("export", "c", "--network", "robot", "--snapshot", file.toString(), "--out",
                out.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--snapshot " + file + ": "), run.err());
        assertTrue(!Files.exists(out) || entries(out).isEmpty(), "nothing written");
    }

    @Test
    void badArgumentsAreNamed(@TempDir Path out) {
        assertRefused("--network must be digits or robot, got cat", "--network", "cat", "--out", out.toString());
        assertRefused("--network", "--out", out.toString());
        assertRefused("--out", "--network", "digits");
        Path missing = out.resolve("none.snapshot");
        assertRefused("--snapshot " + missing + " is not a file", "--network", "digits", "--snapshot",
                missing.toString(), "--out", out.resolve("x").toString());
        assertRefused("--seed", "--network", "digits", "--seed", "one", "--out", out.toString());
    }

    @Test
    void theHelpDescribesBothNetworksChecks() {
        CliRun help = CliRun.of("export", "c", "--help");
        assertEquals(0, help.exitCode());
        String text = help.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("The network: digits or robot.") && text.contains("robot (800 features): the C"
                + " firmware loop on the first " + CRobotProject.SAMPLES + " periods"), help.out());
    }

    private static void requireGccAndMake() {
        for (String tool : List.of("gcc", "make")) {
            RequiredPackage.require(onPath(tool), tool + " is not installed (Debian packages gcc, make)");
        }
    }

    private static Path export(Path folder) {
        Path out = folder.resolve("digits-c");
        CliRun export = CliRun.of("export", "c", "--network", "digits", "--out", out.toString());
        assertEquals(0, export.exitCode(), export.err());
        return out;
    }

    private static Make make(Path project) throws IOException, InterruptedException {
        Process make = new ProcessBuilder("make", "-C", project.toString(), "check").redirectErrorStream(true)
                .start();
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(make.waitFor(5, TimeUnit.MINUTES), output);
        return new Make(make.exitValue(), output);
    }

    /** Replaces the expected value of {@code column} at {@code tick}, which must be {@code was}, in a scenario's C. */
    private static void corrupt(Path scenario, int tick, int column, long was, long value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(scenario, StandardCharsets.UTF_8));
        String row = "    /* tick " + tick + " */";
        int at = IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith(row)).findFirst().orElseThrow();
        Matcher values = EXPECTED_VALUE.matcher(lines.get(at));
        for (int c = 0; c <= column; c++) {
            assertTrue(values.find(), lines.get(at));
        }
        assertEquals(was, Long.parseLong(values.group(1)), lines.get(at));
        lines.set(at, lines.get(at).substring(0, values.start(1)) + value + lines.get(at).substring(values.end(1)));
        Files.write(scenario, lines, StandardCharsets.UTF_8);
    }

    private static void assertRefused(String named, String... args) {
        String[] full = Stream.concat(Stream.of("export", "c"), Arrays.stream(args)).toArray(String[]::new);
        CliRun run = CliRun.of(full);
        assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
        assertTrue(run.err().contains(named), run.err());
    }

    private static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
