package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ProtocolCommandsTest {

    private static JsonNode json(CliRun run) throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void fiCurvePrintsThirtyOnePointsFromZeroToThreeWithFixedAndFloatCounts() throws Exception {
        JsonNode json = json(CliRun.of("core", "fi-curve", "--json"));

        assertEquals("fi-curve", json.get("protocol").asText());
        JsonNode points = json.get("points");
        assertEquals(31, points.size());
        assertEquals(0.0, points.get(0).get("current").asDouble());
        assertEquals(3.0, points.get(30).get("current").asDouble(), 1e-9);
        assertEquals(0, points.get(10).get("spikes").asInt(), "no spikes at I = 1");
        assertTrue(points.get(30).get("spikes").asInt() > 90, "about 99 spikes/s at I = 3");
        assertTrue(points.get(30).has("spikes_float"));
    }

    @Test
    void stdpWindowPrintsTwoHundredOnePointsWithPotentiationAfterAndDepressionBefore() throws Exception {
        JsonNode json = json(CliRun.of("core", "stdp-window", "--json"));

        assertEquals("stdp-window", json.get("protocol").asText());
        JsonNode points = json.get("points");
        assertEquals(201, points.size());
        assertEquals(-100, points.get(0).get("dt_ms").asInt());
        assertEquals(100, points.get(200).get("dt_ms").asInt());
        assertTrue(points.get(110).get("dw").asDouble() > 0.005, "dt = +10 ms potentiates");
        assertTrue(points.get(90).get("dw").asDouble() < -0.005, "dt = -10 ms depresses");
        assertTrue(points.get(110).has("dw_float"));
    }
}
