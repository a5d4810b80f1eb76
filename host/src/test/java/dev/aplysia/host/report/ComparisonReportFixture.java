package dev.aplysia.host.report;

import dev.aplysia.host.experiment.ComparisonReport;
import dev.aplysia.host.experiment.ComparisonReport.Confusion;
import dev.aplysia.host.experiment.ComparisonReport.ContinualRow;
import dev.aplysia.host.experiment.ComparisonReport.CostRow;
import dev.aplysia.host.experiment.ComparisonReport.CurveComparison;
import dev.aplysia.host.experiment.ComparisonReport.ReceptiveField;
import dev.aplysia.host.experiment.ComparisonReport.Settings;
import dev.aplysia.host.experiment.ComparisonReport.SignificanceRow;
import dev.aplysia.host.experiment.ComparisonReport.StreamStats;
import dev.aplysia.host.experiment.ComparisonReport.TelemetryStats;
import dev.aplysia.host.experiment.ConfusionMatrix;
import dev.aplysia.host.experiment.LearningCurve.Point;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A hand-built comparison with numbers easy to find in the output: the device reaches 0.8 at 100 samples and ends
 * at 0.95, backprop never reaches 0.8 and is scored at 500 where the device is not, learner names hold commas, one
 * update description holds quotes, one stream has gaps, and there are 12 receptive fields of solid ink. Its confusion
 * matrices have 10 test samples per digit: the device decides 95 right (three 3s as 8, two 9s as 4), backprop 79
 * (two of each digit as the next one, and a third 9 as 0).
 */
final class ComparisonReportFixture {

    static final int FIELDS = 12;
    /** A run on a made-up machine at a fixed date. */
    static final RunMetadata RUN = new RunMetadata("abc1234", "2025-06-01T09:30:00Z", "TestVM 17.0.1",
            new RunMetadata.Machine("Linux", "amd64", 8, "Test CPU @ 3.00GHz"), List.of(3L),
            new RunMetadata.Options(false, 100, 3));

    private Settings settings = new Settings("board-7", "tcp://127.0.0.1:1883", 3, 100, false, 3823, 1797);
    private List<Point> device = List.of(new Point(10, 0.5), new Point(100, 0.81), new Point(1000, 0.9),
            new Point(3823, 0.95));
    private List<Point> backprop = List.of(new Point(10, 0.2), new Point(100, 0.45), new Point(500, 0.7),
            new Point(3823, 0.79));
    private List<ContinualRow> continual = List.of(
            new ContinualRow("device, consolidation", 0.9, 0.85, 0.88),
            new ContinualRow("device, no consolidation", 0.9, 0.6, 0.9),
            new ContinualRow("backprop", 0.95, 0.1, 0.93));
    private List<SignificanceRow> significance = List.of(
            new SignificanceRow("device", 7, 1, true, 1, 0.4), new SignificanceRow("device", 7, 3, true, 3, 0.6),
            new SignificanceRow("device", 7, 1, false, 0, 0.1), new SignificanceRow("device", 7, 3, false, 1, 0.2),
            new SignificanceRow("backprop", 7, 1, true, 0, 0.1), new SignificanceRow("backprop", 7, 3, true, 2, 0.3),
            new SignificanceRow("backprop", 7, 1, false, 0, 0.1),
            new SignificanceRow("backprop", 7, 3, false, 2, 0.3));
    private List<CostRow> cost = List.of(
            new CostRow("device", 121_436, 155_000, 1300.5, "pre trace, post spike, the weight, its consolidation"),
            new CostRow("backprop", 36_000, 25_000, 45.25, "the layer above's \"delta\" and this layer's input"));
    private TelemetryStats telemetry = new TelemetryStats(List.of(
            new StreamStats("curve", 8, 8, 0, List.of()),
            new StreamStats("spikes", 100, 95, 5, List.of("12-15", "40"))), 2);
    private ConfusionMatrix deviceConfusion = deviceMatrix();
    private final ConfusionMatrix backpropConfusion = backpropMatrix();
    private List<ReceptiveField> receptiveFields = IntStream.range(0, FIELDS).mapToObj(ComparisonReportFixture::solid)
            .toList();

    static ComparisonReportFixture typical() {
        return new ComparisonReportFixture();
    }

    ComparisonReportFixture deviceCurve(Point... points) {
        device = List.of(points);
        return this;
    }

    ComparisonReportFixture backpropCurve(Point... points) {
        backprop = List.of(points);
        return this;
    }

    ComparisonReportFixture receptiveFields(List<ReceptiveField> fields) {
        receptiveFields = fields;
        return this;
    }

    ComparisonReportFixture continual(List<ContinualRow> rows) {
        continual = rows;
        return this;
    }

    /** As if the device's confusion frame had been lost on the way. */
    ComparisonReportFixture withoutDeviceConfusion() {
        deviceConfusion = null;
        return this;
    }

    ComparisonReportFixture quick() {
        settings = new Settings(settings.deviceId(), settings.broker(), settings.seed(), settings.hidden(), true,
                500, settings.testSamples());
        return this;
    }

    ComparisonReport build() {
        return new ComparisonReport(settings, new CurveComparison(device, backprop, 0.961, 10),
                new Confusion(deviceConfusion, backpropConfusion), continual, significance, cost, telemetry,
                receptiveFields, 5123);
    }

    private static ConfusionMatrix deviceMatrix() {
        int[][] counts = new int[10][10];
        for (int k = 0; k < 10; k++) {
            counts[k][k] = 10;
        }
        counts[3][3] = 7;
        counts[3][8] = 3;
        counts[9][9] = 8;
        counts[9][4] = 2;
        return new ConfusionMatrix(counts);
    }

    private static ConfusionMatrix backpropMatrix() {
        int[][] counts = new int[10][10];
        for (int k = 0; k < 10; k++) {
            counts[k][k] = 8;
            counts[k][(k + 1) % 10] = 2;
        }
        counts[9][9] = 7;
        counts[9][0] = 3;
        return new ConfusionMatrix(counts);
    }

    /** Neuron {@code i}: every weight 1 (solid ink), readout class {@code i mod 10}, except neuron 11 has none. */
    private static ReceptiveField solid(int neuron) {
        double[] weights = new double[64];
        Arrays.fill(weights, 1.0);
        return new ReceptiveField(neuron, weights, neuron == 11 ? -1 : neuron % 10);
    }
}
