package dev.aplysia.host.report;

import dev.aplysia.host.experiment.ComparisonReport;
import dev.aplysia.host.experiment.ComparisonReport.ContinualRow;
import dev.aplysia.host.experiment.ComparisonReport.CostRow;
import dev.aplysia.host.experiment.ComparisonReport.CurveComparison;
import dev.aplysia.host.experiment.ComparisonReport.SignificanceRow;
import dev.aplysia.host.experiment.ComparisonReport.StreamStats;
import dev.aplysia.host.experiment.ConfusionMatrix;
import dev.aplysia.host.experiment.LearningCurve;
import dev.aplysia.host.report.Table.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The numbers of each experiment as a table, the same rows for the CSV files and for the markdown report. */
final class ExperimentTables {

    private ExperimentTables() {
    }

    /** One row per number of samples at which either learner was scored; a learner not scored there has no cell. */
    static Table learningCurve(CurveComparison curves, Notation notation) {
        Map<Integer, Double> device = accuracyBySamples(curves.device());
        Map<Integer, Double> backprop = accuracyBySamples(curves.backprop());
        SortedSet<Integer> samples = new TreeSet<>(device.keySet());
        samples.addAll(backprop.keySet());
        List<List<String>> rows = samples.stream()
                .map(s -> List.of(notation.count(s), cell(device.get(s), notation), cell(backprop.get(s), notation)))
                .toList();
        return new Table(List.of(new Column("samples", "samples seen"),
                new Column("device_accuracy", "device, local plasticity"),
                new Column("backprop_accuracy", "backprop, online")), rows);
    }

    /**
     * One row per true class ({@code true 0}, {@code true 1}, ...), one column per decided class ({@code pred 0},
     * ...), then the row's recall: its diagonal count over its samples, absent for a class without samples.
     */
    static Table confusion(ConfusionMatrix matrix, Notation notation) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("actual", ""));
        IntStream.range(0, matrix.classes())
                .forEach(k -> columns.add(new Column("predicted_" + k, "pred " + k)));
        columns.add(new Column("recall", "recall"));
        List<List<String>> rows = IntStream.range(0, matrix.classes()).mapToObj(k -> confusionRow(matrix, k, notation))
                .toList();
        return new Table(columns, rows);
    }

    /** One row per learner; forgetting is the accuracy on digits 0-4 lost while learning 5-9. */
    static Table continual(List<ContinualRow> continual, Notation notation) {
        List<List<String>> rows = continual.stream().map(r -> List.of(r.learner(),
                notation.real(r.firstTaskBefore()), notation.real(r.firstTaskAfter()),
                notation.real(Headline.forgetting(r)), notation.real(r.secondTaskAfter()))).toList();
        return new Table(List.of(new Column("learner", "learner"),
                new Column("first_task_before", "0–4 after learning 0–4"),
                new Column("first_task_after", "0–4 after learning 5–9"),
                new Column("first_task_forgetting", "forgetting of 0–4"),
                new Column("second_task_after", "5–9 at the end")), rows);
    }

    /** One row per learner and presentation count; recall is the fraction of presented rare samples recalled. */
    static Table significance(List<SignificanceRow> significance, Notation notation) {
        List<List<String>> rows = significance.stream().map(r -> List.of(r.learner(),
                notation.count(r.rareClass()), notation.count(r.presentations()), Boolean.toString(r.flagged()),
                notation.count(r.recalled()), notation.real(Headline.recall(r)), notation.real(r.testAccuracy())))
                .toList();
        return new Table(List.of(new Column("learner", "learner"), new Column("rare_class", "rare digit"),
                new Column("presentations", "presentations"), new Column("flagged", "flagged"),
                new Column("recalled", "recalled"), new Column("recall", "recall"),
                new Column("test_accuracy", "test accuracy on the rare digit")), rows);
    }

    /** One row per learner. */
    static Table cost(List<CostRow> cost, Notation notation) {
        List<List<String>> rows = cost.stream().map(r -> List.of(r.learner(), notation.count(r.stateBytes()),
                notation.count(r.opsPerLearningStep()), notation.real(r.microsPerSample()), r.updateReads()))
                .toList();
        return new Table(List.of(new Column("learner", "learner"), new Column("state_bytes", "state bytes"),
                new Column("ops_per_learning_step", "operations per learned sample"),
                new Column("micros_per_sample", "µs per learned sample"),
                new Column("update_reads", "what each weight update had to read")), rows);
    }

    /** One row per stream; the missing {@code seq} ranges are joined with {@code ", "}. */
    static Table telemetry(ComparisonReport.TelemetryStats telemetry, Notation notation) {
        List<List<String>> rows = telemetry.streams().stream().map(s -> List.of(s.stream(),
                notation.count(s.expected()), notation.count(s.received()), notation.count(s.missing()),
                gaps(s, notation))).toList();
        return new Table(List.of(new Column("stream", "stream"), new Column("expected", "expected"),
                new Column("received", "received"), new Column("missing", "missing"),
                new Column("gaps", "missing seq ranges")), rows);
    }

    private static List<String> confusionRow(ConfusionMatrix matrix, int actual, Notation notation) {
        List<String> row = new ArrayList<>();
        row.add("true " + actual);
        IntStream.range(0, matrix.classes()).forEach(k -> row.add(notation.count(matrix.count(actual, k))));
        OptionalDouble recall = matrix.recall(actual);
        row.add(recall.isPresent() ? notation.real(recall.getAsDouble()) : notation.absent());
        return row;
    }

    private static Map<Integer, Double> accuracyBySamples(List<LearningCurve.Point> curve) {
        return curve.stream().collect(Collectors.toMap(LearningCurve.Point::samples, LearningCurve.Point::accuracy));
    }

    private static String cell(Double accuracy, Notation notation) {
        return accuracy == null ? notation.absent() : notation.real(accuracy);
    }

    private static String gaps(StreamStats stream, Notation notation) {
        return stream.gaps().isEmpty() ? notation.absent() : String.join(", ", stream.gaps());
    }
}
