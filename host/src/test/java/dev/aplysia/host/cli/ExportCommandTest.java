package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.export.CRobotProject;
import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.persist.SnapshotCodec;
import dev.aplysia.device.persist.SnapshotException;
import dev.aplysia.host.collect.RequiredPackage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export c}: the written project passes its own check with host gcc, and bad arguments are named. */
class ExportCommandTest {

    /** One check per learned and per classified sample, one for the state CRC and one for the accuracy. */
    private static final String PASS_LINE = (ExportCCommand.TRAIN + ExportCCommand.TEST + 2) + " passed, 0 failed";

    /** One check per sample period, one for the counters and one for the state CRC. */
    private static final String ROBOT_PASS_LINE = (CRobotProject.SAMPLES + 2) + " passed, 0 failed";

    @Test
    void theExportedDigitsProjectPassesMakeCheck(@TempDir Path folder) throws Exception {
        requireGccAndMake();
        Path out = folder.resolve("digits-c");
        CliRun export = CliRun.of("export", "c", "--network", "digits", "--out", out.toString());
        assertEquals(0, export.exitCode(), export.err());
        for (String part : List.of("core/aplysia.h", "board/host.mk", "network/digits_classifier.c",
                "network/digits_layout.c", "check/digits_expected.c", "Makefile", "README.md")) {
            assertTrue(Files.isRegularFile(out.resolve(part)), part);
        }
        assertTrue(!Files.exists(out.resolve("check/robot_runner.c")), "the robot's runner is left out");

        assertEquals(2, Collections.frequency(makeCheck(out).lines().toList(), PASS_LINE), "strict and sanitized");
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
                "network/network.mk", "check/robot_samples.c", "check/robot_expected.c", "Makefile")) {
            assertTrue(Files.isRegularFile(out.resolve(part)), part);
        }
        assertTrue(!Files.exists(out.resolve("check/digits_runner.c")), "the digits runner is left out");

        assertEquals(2, Collections.frequency(makeCheck(out).lines().toList(), ROBOT_PASS_LINE),
                "strict and sanitized");
    }

    /** Runs {@code make -C out check}, requiring it to succeed; returns its output. */
    private static String makeCheck(Path out) throws IOException, InterruptedException {
        Process make = new ProcessBuilder("make", "-C", out.toString(), "check").redirectErrorStream(true).start();
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(make.waitFor(5, TimeUnit.MINUTES), output);
        assertEquals(0, make.exitValue(), output);
        return output;
    }

    private static void requireGccAndMake() {
        for (String tool : List.of("gcc", "make")) {
            RequiredPackage.require(onPath(tool), tool + " is not installed (Debian packages gcc, make)");
        }
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
