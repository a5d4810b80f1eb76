package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path out;

    @Test
    void aQuickDemoWritesTheWholeReportFromTelemetryReceivedThroughTheEmbeddedBroker() throws Exception {
        CliRun run = CliRun.of("demo", "--quick", "--hidden", "60", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("embedded Moquette at tcp://127.0.0.1:"), run.err());
        for (String file : new String[] {"summary.json", "report.md", "learning_curve.csv", "continual.csv",
                "significance.csv", "cost.csv", "telemetry.csv", "learning-curve.png", "forgetting.png",
                "significance.png", "receptive-fields.png"}) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String key : new String[] {"learning_curve", "continual", "significance", "cost", "telemetry"}) {
            assertTrue(summary.has(key), key);
        }
        assertEquals(7, summary.at("/learning_curve/device").size());
        summary.at("/telemetry/streams").forEach(stream ->
                assertEquals(stream.get("expected").asLong(), stream.get("received").asLong(), stream.toString()));
    }

    @Test
    void anUnreachableBrokerFailsWithAMessageNamingIt() {
        CliRun run = CliRun.of("demo", "--quick", "--broker", "tcp://127.0.0.1:1", "--out", out.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("127.0.0.1:1"), run.err());
    }
}
