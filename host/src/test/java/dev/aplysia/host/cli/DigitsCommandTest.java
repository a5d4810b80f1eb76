package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigitsCommandTest {

    @Test
    void onePassOverRealDigitsReachesTheAccuracyFloorWithinTheRp2040Budget() throws Exception {
        CliRun run = CliRun.of("core", "digits", "--json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.get("accuracy").asDouble() >= 0.90, "accuracy " + json.get("accuracy"));
        assertEquals(3823, json.get("train_samples").asInt());
        assertEquals(1797, json.get("test_samples").asInt());
        assertEquals("rp2040", json.get("profile").asText());
        assertTrue(json.get("fits_profile").asBoolean());
        assertTrue(json.get("state_bytes").asLong() <= 264 * 1024);
        assertTrue(json.get("ops_per_tick").asDouble() > 0);
        assertTrue(json.get("ticks_per_sample").asInt() > 0);
        assertTrue(json.has("wall_ms"));
        List<Integer> samples = new ArrayList<>();
        json.get("learning_curve").forEach(p -> samples.add(p.get("samples").asInt()));
        assertEquals(List.of(10, 20, 50, 100, 200, 500, 1000, 3823), samples);
        assertTrue(run.err().contains("3823/3823"), "progress on stderr: " + run.err());
    }

    @Test
    void anUnknownProfileIsAUsageErrorNamingIt() {
        CliRun run = CliRun.of("core", "digits", "--profile", "attiny85");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("attiny85") && run.err().contains("rp2040"), run.err());
    }

    @Test
    void aNetworkTooLargeForTheProfileFailsSayingByHowMuch() {
        CliRun run = CliRun.of("core", "digits", "--hidden", "6000", "--profile", "rp2040");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("over by"), run.err());
    }

    @Test
    void aNonPositiveHiddenSizeIsAUsageError() {
        CliRun run = CliRun.of("core", "digits", "--hidden", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--hidden"), run.err());
    }
}
