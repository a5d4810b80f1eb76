package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code core song2000}, on short runs: the shape of its output and the validation of its arguments. */
class Song2000CommandTest {

    private static final List<String> CORE_KEYS = List.of("fraction_low", "fraction_high", "mean_w", "hist20",
            "rate_first_10s", "rate_last_10s", "pre_events", "post_spikes", "wall_ms", "timeline");

    @Test
    void theJsonHoldsEveryFigureForTheFixedPointCoreAndTheFloatTwin() throws Exception {
        CliRun run = CliRun.of("core", "song2000", "--seconds", "12", "--seed", "3", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());

        assertEquals("song2000", json.get("protocol").asText());
        assertEquals(12, json.get("seconds").asInt());
        assertEquals(3, json.get("seed").asLong());
        assertEquals(0.01, json.get("gmax").asDouble());
        for (String core : List.of("fixed", "float")) {
            JsonNode figures = json.get(core);
            for (String key : CORE_KEYS) {
                assertTrue(figures.has(key), core + " has no " + key + ": " + figures);
            }
            assertEquals(20, figures.get("hist20").size());
            JsonNode timeline = figures.get("timeline");
            assertEquals(2, timeline.size(), "at 10 s and at the end");
            assertEquals(12, timeline.get(1).get("time_s").asDouble());
            assertTrue(timeline.get(0).has("mean_w") && timeline.get(0).has("fraction_high"));
            assertTrue(figures.get("mean_w").asDouble() <= 0.01, "w is clipped to gmax");
        }
        assertEquals(json.get("fixed").get("pre_events"), json.get("float").get("pre_events"), "the same inputs");
        assertEquals(dev.aplysia.device.core.Network.build(dev.aplysia.device.protocol.Song2000.spec(3),
                dev.aplysia.device.model.McuProfile.RP2040).budget().totalBytes(), json.get("state_bytes").asLong());
        assertTrue(run.err().contains("fixed") && run.err().contains("float"), "progress on stderr: " + run.err());
    }

    @Test
    void theTextOutputIsATableOfBothCores() {
        CliRun run = CliRun.of("core", "song2000", "--seconds", "2");
        assertEquals(0, run.exitCode(), run.err());
        for (String row : List.of("fraction_low", "fraction_high", "rate_last_10s", "post_spikes", "wall_ms")) {
            assertTrue(run.out().contains(row), run.out());
        }
        assertTrue(run.out().contains("fixed") && run.out().contains("float"), run.out());
    }

    @Test
    void aChartIsAPngOfTheFinalHistogram(@TempDir Path folder) throws Exception {
        Path chart = folder.resolve("song2000.png");
        CliRun run = CliRun.of("core", "song2000", "--seconds", "1", "--chart", chart.toString());
        assertEquals(0, run.exitCode(), run.err());
        byte[] png = Files.readAllBytes(chart);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    }

    @Test
    void secondsOutsideOneToTheLimitAreRejectedWithAClearError() {
        for (String seconds : List.of("0", "-5", "3601")) {
            CliRun run = CliRun.of("core", "song2000", "--seconds", seconds);
            assertNotEquals(0, run.exitCode());
            assertTrue(run.err().contains("--seconds must be in 1..3600, got " + seconds), run.err());
        }
        CliRun notANumber = CliRun.of("core", "song2000", "--seconds", "ten");
        assertNotEquals(0, notANumber.exitCode());
        assertTrue(notANumber.err().contains("--seconds"), notANumber.err());
    }
}
