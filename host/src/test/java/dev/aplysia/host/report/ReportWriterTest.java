package dev.aplysia.host.report;

import static dev.aplysia.host.report.ComparisonReportFixture.RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aplysia.host.experiment.LearningCurve.Point;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing into directories that already hold something, and reports with missing parts. */
class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writingAgainReplacesTheEarlierReport() throws IOException {
        ReportWriter.write(ComparisonReportFixture.typical().build(), RUN, dir);

        ReportWriter.write(ComparisonReportFixture.typical().deviceCurve(new Point(10, 0.25)).build(), RUN, dir);

        double deviceAccuracy = new ObjectMapper().readTree(dir.resolve("summary.json").toFile())
                .at("/learning_curve/device/0/accuracy").asDouble();
        assertEquals(0.25, deviceAccuracy);
        assertEquals(List.of("samples,device_accuracy,backprop_accuracy", "10,0.25,0.2", "100,,0.45", "500,,0.7",
                "3823,,0.79"), Files.readAllLines(dir.resolve("learning_curve.csv")));
    }

    @Test
    void aFigureTheNewReportHasNoDataForIsRemoved() {
        ReportWriter.write(ComparisonReportFixture.typical().build(), RUN, dir);

        Report report = ReportWriter.write(ComparisonReportFixture.typical().continual(List.of()).build(), RUN, dir);

        assertFalse(Files.exists(dir.resolve("forgetting.png")));
        assertFalse(report.files().contains(dir.resolve("forgetting.png")));
    }

    @Test
    void filesThatAreNotPartOfAReportAreLeftAlone() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");

        ReportWriter.write(ComparisonReportFixture.typical().build(), RUN, dir);

        assertEquals("mine", Files.readString(notes));
    }

    @Test
    void withoutReceptiveFieldsNoImageIsDrawnAndTheReportSaysSo() throws IOException {
        Report report = ReportWriter.write(ComparisonReportFixture.typical().receptiveFields(List.of()).build(), RUN,
                dir);

        assertFalse(Files.exists(dir.resolve("receptive-fields.png")));
        assertEquals(10, report.files().size());
        String markdown = Files.readString(dir.resolve("report.md"));
        assertTrue(markdown.contains("no receptive fields, so no image was drawn"));
        assertFalse(markdown.contains("](receptive-fields.png)"));
    }
}
