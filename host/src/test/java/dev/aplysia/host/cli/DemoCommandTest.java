package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.fixtures.dataset.DigitSet;
import dev.aplysia.host.experiment.ComparisonPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One quick demo, run once through the CLI, and what it wrote and printed. */
class DemoCommandTest {

    private static final ComparisonPlan PLAN = new ComparisonPlan(1, 60, true);

    @TempDir
    static Path out;

    private static CliRun run;
    private static JsonNode summary;

    @BeforeAll
    static void runAQuickDemo() throws IOException {
        run = CliRun.of("demo", "--quick", "--hidden", "60", "--out", out.toString());
        summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void aQuickDemoWritesTheWholeReportFromTelemetryReceivedThroughTheEmbeddedBroker() throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("embedded Moquette at tcp://127.0.0.1:"), run.err());
        for (String file : new String[] {"summary.json", "report.md", "learning_curve.csv", "continual.csv",
                "significance.csv", "cost.csv", "telemetry.csv", "learning-curve.png", "forgetting.png",
                "significance.png", "receptive-fields.png"}) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        for (String key : new String[] {"run", "learning_curve", "confusion", "continual", "significance", "cost",
            "telemetry"}) {
            assertTrue(summary.has(key), key);
        }
        assertEquals(7, summary.at("/learning_curve/device").size());
        summary.at("/telemetry/streams").forEach(stream ->
                assertEquals(stream.get("expected").asLong(), stream.get("received").asLong(), stream.toString()));
    }

    @Test
    void eachLearnersConfusionMatrixCountsEveryTestSampleAndItsTraceIsItsFinalAccuracyTimesTheTestSize() {
        DigitSet test = PLAN.test(Fixtures.optdigits().test());
        int testSamples = summary.at("/settings/test_samples").asInt();
        assertEquals(test.size(), testSamples);
        for (String learner : List.of("device", "backprop")) {
            JsonNode matrix = summary.at("/confusion/" + learner);
            assertEquals(DigitSet.CLASSES, matrix.size(), learner);
            int trace = 0;
            for (int k = 0; k < DigitSet.CLASSES; k++) {
                int digit = k;
                int row = 0;
                for (JsonNode count : matrix.get(k)) {
                    row += count.asInt();
                }
                assertEquals(test.filter(label -> label == digit).size(), row, learner + ", true " + k);
                trace += matrix.get(k).get(k).asInt();
            }
            JsonNode curve = summary.at("/learning_curve/" + learner);
            double accuracy = curve.get(curve.size() - 1).get("accuracy").asDouble();
            assertEquals(Math.round(accuracy * testSamples), trace, learner);
        }
    }

    @Test
    void everyPhasePrintsAStartedAndADoneLineWithItsSecondsOnStderr() {
        List<String> phases = new ArrayList<>(List.of("learning curve", "offline reference", "class-incremental"));
        for (int presentations : PLAN.presentations()) {
            phases.add("significance, " + presentations + (presentations == 1 ? " presentation" : " presentations"));
        }
        phases.add("report writing");
        for (String phase : phases) {
            Matcher started = line(Pattern.quote(phase) + ": started");
            Matcher done = line(Pattern.quote(phase) + ": done in \\d+\\.\\d\\d s");
            assertTrue(started.find() && done.find() && done.start() > started.start(), phase + " in\n" + run.err());
        }
        assertTrue(run.out().contains("report: "), run.out());
    }

    /** A matcher of {@code regex} as a whole line of stderr. */
    private static Matcher line(String regex) {
        return Pattern.compile("^" + regex + "$", Pattern.MULTILINE).matcher(run.err());
    }

    @Test
    void theRunsMetadataIsInTheSummaryAndOpensTheReport() throws IOException {
        JsonNode metadata = summary.get("run");

        Instant.parse(metadata.get("date").asText());
        assertTrue(metadata.get("git_commit").asText().matches("[0-9a-f]{4,40}|unknown"), metadata.toString());
        assertEquals(1, metadata.get("seeds").size());
        assertEquals(1, metadata.at("/seeds/0").asLong());
        assertTrue(metadata.at("/options/quick").asBoolean());
        assertEquals(60, metadata.at("/options/hidden").asInt());
        assertEquals(Runtime.getRuntime().availableProcessors(), metadata.at("/machine/processors").asInt());
        String markdown = Files.readString(out.resolve("report.md"));
        assertTrue(markdown.contains("\n\n- commit: `" + metadata.get("git_commit").asText() + "`\n- date: "
                + metadata.get("date").asText() + "\n"), markdown);
        assertTrue(markdown.contains("## What these figures do and do not show"), markdown);
    }

    @Test
    void anUnreachableBrokerFailsWithAMessageNamingIt(@TempDir Path elsewhere) {
        CliRun failed = CliRun.of("demo", "--quick", "--broker", "tcp://127.0.0.1:1", "--out", elsewhere.toString());

        assertEquals(1, failed.exitCode());
        assertTrue(failed.err().contains("127.0.0.1:1"), failed.err());
    }
}
