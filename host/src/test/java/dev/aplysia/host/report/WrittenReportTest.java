package dev.aplysia.host.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.aplysia.host.experiment.ComparisonReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The files of one report written from the fixture, read back. */
class WrittenReportTest {

    @TempDir
    static Path parent;

    private static final ComparisonReport FIXTURE = ComparisonReportFixture.typical().build();
    private static Path dir;
    private static Report report;

    @BeforeAll
    static void writeOnce() {
        dir = parent.resolve("out/report");
        report = ReportWriter.write(FIXTURE, ComparisonReportFixture.RUN, dir);
    }

    @Test
    void everyFileIsWrittenIntoTheNewDirectory() {
        List<String> names = report.files().stream().map(f -> f.getFileName().toString()).toList();

        assertEquals(List.of("summary.json", "learning_curve.csv", "continual.csv", "significance.csv", "cost.csv",
                "telemetry.csv", "learning-curve.png", "forgetting.png", "significance.png", "receptive-fields.png",
                "report.md"), names);
        report.files().forEach(f -> assertTrue(Files.isRegularFile(f) && f.getParent().equals(dir), f::toString));
    }

    @Test
    void summaryHasTheSchemaTheGeneratorAndEveryExperiment() throws IOException {
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());

        assertEquals(1, summary.get("schema").asInt());
        assertEquals("aplysia 0.1.0", summary.get("generator").asText());
        for (String key : List.of("run", "settings", "learning_curve", "confusion", "continual", "significance",
                "cost", "telemetry", "receptive_fields", "wall_ms")) {
            assertTrue(summary.has(key), key);
        }
    }

    @Test
    void summaryReadsBackIntoTheSameComparison() throws IOException {
        ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        ComparisonReport read = mapper.readValue(dir.resolve("summary.json").toFile(), ComparisonReport.class);

        assertEquals(FIXTURE.settings(), read.settings());
        assertEquals(FIXTURE.learningCurve(), read.learningCurve());
        assertEquals(FIXTURE.confusion(), read.confusion());
        assertEquals(FIXTURE.continual(), read.continual());
        assertEquals(FIXTURE.significance(), read.significance());
        assertEquals(FIXTURE.cost(), read.cost());
        assertEquals(FIXTURE.telemetry(), read.telemetry());
        assertArrayEquals(FIXTURE.receptiveFields().get(4).weights(), read.receptiveFields().get(4).weights());
        assertEquals(FIXTURE.wallMs(), read.wallMs());
    }

    @Test
    void summaryHoldsEachConfusionMatrixAsItsRowsOfCounts() throws IOException {
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());

        assertEquals(10, summary.at("/confusion/device").size());
        assertEquals(3, summary.at("/confusion/device/3/8").asInt());
        assertEquals(7, summary.at("/confusion/backprop/9/9").asInt());
    }

    @Test
    void summaryHoldsTheRunsMetadata() throws IOException {
        JsonNode run = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("run");

        assertEquals("abc1234", run.get("git_commit").asText());
        assertEquals("2025-06-01T09:30:00Z", run.get("date").asText());
        assertEquals("TestVM 17.0.1", run.get("jvm").asText());
        assertEquals("Test CPU @ 3.00GHz", run.at("/machine/cpu_model").asText());
        assertEquals(8, run.at("/machine/processors").asInt());
        assertEquals(3, run.at("/seeds/0").asLong());
        assertEquals(100, run.at("/options/hidden").asInt());
    }

    @Test
    void learningCurveCsvAlignsBothLearnersBySamples() throws IOException {
        assertEquals(List.of("samples,device_accuracy,backprop_accuracy", "10,0.5,0.2", "100,0.81,0.45",
                "500,,0.7", "1000,0.9,", "3823,0.95,0.79"), csv("learning_curve.csv"));
    }

    @Test
    void continualCsvHasOneRowPerLearnerWithItsForgetting() throws IOException {
        List<String> lines = csv("continual.csv");

        assertEquals("learner,first_task_before,first_task_after,first_task_forgetting,second_task_after",
                lines.get(0));
        assertEquals("\"device, no consolidation\",0.9,0.6,0.3,0.9", lines.get(2));
        assertEquals(4, lines.size());
    }

    @Test
    void significanceCsvHasOneRowPerLearnerPresentationsAndFlag() throws IOException {
        List<String> lines = csv("significance.csv");

        assertEquals("learner,rare_class,presentations,flagged,recalled,recall,test_accuracy", lines.get(0));
        assertEquals("device,7,3,false,1,0.3333333333333333,0.2", lines.get(4));
        assertEquals(9, lines.size());
    }

    @Test
    void costCsvQuotesUpdateReadsHoldingCommasAndQuotes() throws IOException {
        assertEquals(List.of("learner,state_bytes,ops_per_learning_step,micros_per_sample,update_reads",
                "device,121436,155000,1300.5,\"pre trace, post spike, the weight, its consolidation\"",
                "backprop,36000,25000,45.25,\"the layer above's \"\"delta\"\" and this layer's input\""),
                csv("cost.csv"));
    }

    @Test
    void telemetryCsvListsEachStreamWithItsGaps() throws IOException {
        assertEquals(List.of("stream,expected,received,missing,gaps", "curve,8,8,0,", "spikes,100,95,5,\"12-15, 40\""),
                csv("telemetry.csv"));
    }

    @Test
    void csvLinesEndInCrLf() throws IOException {
        assertTrue(Files.readString(dir.resolve("cost.csv")).endsWith("input\"\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"learning-curve.png", "forgetting.png", "significance.png"})
    void eachChartIsAPngOfTheChartSize(String chart) throws IOException {
        BufferedImage image = ImageIO.read(dir.resolve(chart).toFile());

        assertEquals(ComparisonCharts.WIDTH, image.getWidth());
        assertEquals(ComparisonCharts.HEIGHT, image.getHeight());
    }

    @Test
    void receptiveFieldImageHasOneInkedTilePerFieldAndNothingElse() throws IOException {
        BufferedImage image = ImageIO.read(dir.resolve("receptive-fields.png").toFile());
        int half = ReceptiveFieldImage.TILE / 2;

        assertEquals(ReceptiveFieldImage.GAP + 10 * ReceptiveFieldImage.CELL_WIDTH, image.getWidth());
        assertEquals(ReceptiveFieldImage.GAP + 2 * ReceptiveFieldImage.CELL_HEIGHT, image.getHeight());
        for (int i = 0; i < 20; i++) {
            int rgb = image.getRGB(ReceptiveFieldImage.tileX(i) + half, ReceptiveFieldImage.tileY(i) + half);
            assertEquals(i < ComparisonReportFixture.FIELDS ? 0x000000 : 0xFFFFFF, rgb & 0xFFFFFF, "slot " + i);
        }
    }

    private static List<String> csv(String name) throws IOException {
        return Files.readAllLines(dir.resolve(name));
    }
}
