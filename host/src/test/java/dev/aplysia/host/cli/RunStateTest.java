package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code device run} never loses learned state silently: not to another network, not to a disk that fails. */
class RunStateTest {

    private static final String BOARD = Path.of("..", "examples", "robot.board").toString();

    @TempDir
    Path dir;

    private CliRun run(Path state, String... options) {
        String[] args = Stream.concat(Stream.of("device", "run", "--config", BOARD, "--state-dir", state.toString()),
                Stream.of(options)).toArray(String[]::new);
        return CliRun.of(args);
    }

    /** The snapshot files directly in {@code state}, by name. */
    private static Map<String, byte[]> snapshots(Path state) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(state)) {
            for (Path file : list.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
    }

    @Test
    void aRunWithAnotherSeedRefusesToStartNamingTheSeedAndKeepsTheSnapshots() throws IOException {
        Path state = dir.resolve("state");
        assertEquals(0, run(state, "--ticks", "500").exitCode());
        Map<String, byte[]> learned = snapshots(state);

        CliRun other = run(state, "--seed", "2", "--ticks", "500");
        CliRun again = run(state, "--seed", "2", "--ticks", "500");

        assertEquals(1, other.exitCode(), other.err());
        assertTrue(other.err().contains("seed") && other.err().contains("--new-network"), other.err());
        assertEquals(1, again.exitCode(), again.err());
        assertSameFiles(learned, snapshots(state));
    }

    @Test
    void newNetworkArchivesTheOldSnapshotsAndStartsAfresh() throws IOException {
        Path state = dir.resolve("state");
        assertEquals(0, run(state, "--ticks", "500").exitCode());
        Map<String, byte[]> learned = snapshots(state);

        CliRun fresh = run(state, "--seed", "2", "--new-network", "--ticks", "500");
        CliRun resumed = run(state, "--seed", "2", "--ticks", "10");

        assertEquals(0, fresh.exitCode(), fresh.err());
        assertTrue(fresh.err().contains("archive"), fresh.err());
        assertSameFiles(learned, snapshots(state.resolve("archive").resolve("1")));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("booted from"), resumed.err());
    }

    @Test
    void aFinalSaveThatFailsExitsNonZeroNamingTheStateDirAndTheError() throws IOException {
        Path state = dir.resolve("state");
        for (String slot : new String[] {"a", "b", "c"}) {
            // FileStorage writes each blob to .NAME.tmp first: a directory there makes every write fail, even as root
            Files.createDirectories(state.resolve(".snapshot." + slot + ".tmp").resolve("occupied"));
        }

        CliRun run = run(state, "--ticks", "500");

        assertNotEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("final snapshot") && run.err().contains(state.toString())
                && run.err().contains("Is a directory"), run.err());
    }

    @Test
    void onAReadOnlyStateDirTheRunExitsNonZero() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "chmod does not stop root from writing");
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            CliRun run = run(state, "--ticks", "500");

            assertNotEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().contains("final snapshot") && run.err().contains(state.toString()), run.err());
        } finally {
            Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
