package dev.aplysia.host.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.host.experiment.ComparisonPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMetadataTest {

    @TempDir
    Path dir;

    private RunMetadata captureQuickRunOfSeed7() {
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T09:30:00.750Z"), ZoneOffset.ofHours(2));
        return RunMetadata.capture(new ComparisonPlan(7, 60, true), clock, dir);
    }

    @Test
    void theDateIsTheClocksInstantInUtcToTheSecond() {
        assertEquals("2025-06-01T09:30:00Z", captureQuickRunOfSeed7().date());
    }

    @Test
    void theSeedsAndOptionsAreThoseOfThePlan() {
        RunMetadata run = captureQuickRunOfSeed7();

        assertEquals(List.of(7L), run.seeds());
        assertEquals(new RunMetadata.Options(true, 60, 7), run.options());
    }

    @Test
    void theJvmAndTheMachineAreReadFromTheRunningSystem() {
        RunMetadata run = captureQuickRunOfSeed7();

        assertEquals(System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), run.jvm());
        assertEquals(System.getProperty("os.name"), run.machine().os());
        assertEquals(System.getProperty("os.arch"), run.machine().arch());
        assertEquals(Runtime.getRuntime().availableProcessors(), run.machine().processors());
    }

    @Test
    void outsideAGitRepositoryTheCommitIsUnknown() {
        assertEquals(RunMetadata.UNKNOWN, RunMetadata.gitCommit(dir));
    }

    @Test
    void theCpuModelIsTheFirstModelNameOfCpuinfo() throws IOException {
        Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"), "processor\t: 0\nvendor_id\t: GenuineIntel\n"
                + "model name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n\nprocessor\t: 1\nmodel name\t: Another CPU\n");

        assertEquals("Intel(R) Xeon(R) CPU @ 2.20GHz", RunMetadata.cpuModel(cpuinfo));
    }

    @Test
    void withoutAModelNameOrWithoutCpuinfoTheCpuModelIsUnknown() throws IOException {
        Path arm = Files.writeString(dir.resolve("cpuinfo"), "processor\t: 0\nBogoMIPS\t: 108.00\n"
                + "Model\t\t: Raspberry Pi 4 Model B Rev 1.4\n");

        assertEquals(RunMetadata.UNKNOWN, RunMetadata.cpuModel(arm));
        assertEquals(RunMetadata.UNKNOWN, RunMetadata.cpuModel(dir.resolve("absent")));
    }
}
