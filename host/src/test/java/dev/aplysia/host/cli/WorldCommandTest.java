package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aplysia.host.report.WorldCharts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code device world} on a short run (2 seeds, 1 minute a stay): every policy's figures, charts, bad arguments. */
class WorldCommandTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final List<String> POLICY_KEYS = List.of("collisions_per_min_last_10pct",
            "distance_per_min_last_10pct", "contact_share_last_10pct", "pinned_seeds", "collisions_per_min_back",
            "distance_per_min_back", "competent_seeds", "recovered_seeds", "state_bytes", "operations_per_decision",
            "collisions_curve", "distance_curve");

    private static CliRun world(Path charts, String... extra) {
        return worldIn(charts, "../examples/arena-square.txt", extra);
    }

    private static CliRun worldIn(Path charts, String arena, String... extra) {
        String[] common = {"device", "world", "--board", "../examples/reward-robot.board", "--robot",
            "../examples/reward-robot.robot", "--arena", arena, "--second-arena",
            "../examples/arena-corridor.txt", "--chart-dir", charts.toString()};
        return CliRun.of(Stream.concat(Arrays.stream(common), Arrays.stream(extra)).toArray(String[]::new));
    }

    @Test
    void theJsonHoldsEveryPolicysFiguresAndTheChartsAreWrittenAsPngs(@TempDir Path dir) throws Exception {
        CliRun run = world(dir, "--minutes", "1", "--seeds", "2", "--seed", "1", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());

        assertEquals(1, json.get("minutes").asInt());
        assertEquals(3, json.get("experience_minutes").asInt());
        for (String policy : List.of("device", "backprop", "random", "braitenberg", "braitenberg_exploring")) {
            for (String key : POLICY_KEYS) {
                assertTrue(json.get(policy).has(key), policy + " has no " + key);
            }
            assertEquals(2, json.get(policy).get("collisions_per_min_last_10pct").get("n").asInt());
            assertEquals(3, json.get(policy).get("distance_curve").size());
        }
        assertEquals(2, json.get("random").get("pinned_seeds").asInt(), "the random policy ends at a wall");
        assertEquals(0, json.get("braitenberg").get("pinned_seeds").asInt(), "the avoider never does");
        assertTrue(json.get("floors").has("collisions_met") && json.get("floors").has("distance_met")
                && json.get("floors").has("exploring_avoider_collisions_of_random"));
        JsonNode load = json.get("device_tick_load");
        assertEquals(2, load.get("mean").get("n").asInt(), load.toString());
        double mean = load.get("mean").get("mean").asDouble();
        assertTrue(mean > 0 && mean <= load.get("peak").asDouble(), "the mean tick within the busiest: " + load);
        double overruns = load.get("overrun_share").get("mean").asDouble();
        assertTrue(overruns >= 0 && overruns <= 1, "a share of ticks: " + load);
        for (String file : WorldCharts.FILES) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(dir.resolve(file)), PNG_MAGIC.length);
            assertArrayEquals(PNG_MAGIC, head, file);
        }
        assertTrue(run.err().contains("world: device, seed 2 done"), "progress on stderr: " + run.err());
    }

    @Test
    void theTextReportIsATableOfTheFivePolicies(@TempDir Path dir) {
        CliRun run = world(dir, "--minutes", "1", "--seeds", "1");

        assertEquals(0, run.exitCode(), run.err());
        for (String policy : List.of("device", "backprop", "random", "braitenberg ", "braitenberg-exploring",
                "floors:", "the device on rp2040:")) {
            assertTrue(run.out().contains("  " + policy), run.out());
        }
    }

    @Test
    void nonPositiveMinutesAreRefused(@TempDir Path dir) {
        CliRun run = world(dir, "--minutes", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--minutes must be at least 1, got 0"), run.err());
    }

    @Test
    void aMissingArenaIsRefusedByName(@TempDir Path dir) {
        CliRun run = worldIn(dir, "no-such-arena.txt");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--arena: no such file: no-such-arena.txt"), run.err());
    }
}
