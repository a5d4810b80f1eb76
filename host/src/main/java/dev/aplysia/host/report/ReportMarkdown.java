package dev.aplysia.host.report;

import dev.aplysia.host.experiment.ComparisonReport;
import dev.aplysia.host.experiment.ComparisonReport.Settings;
import dev.aplysia.host.experiment.ComparisonReport.StreamStats;
import dev.aplysia.host.experiment.ConfusionMatrix;
import dev.aplysia.host.report.Table.Column;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shareable report, {@code report.md}: a title, the run's metadata, the summary paragraph, what the figures do
 * and do not show ({@link Caveats}), one section per experiment with its figure and its numbers (the learning curve
 * with both learners' confusion matrices), telemetry accounting, the settings and the command that reproduces the
 * run. Figures are referenced by relative path, so the folder can be moved or posted as a whole.
 */
final class ReportMarkdown {

    private static final Notation N = Notation.READABLE;

    private ReportMarkdown() {
    }

    /** The report; {@code drawn} names the figures that were written, the others are said to be absent. */
    static String of(ComparisonReport report, RunMetadata run, Set<ReportFile> drawn) {
        return String.join("\n", title(report, run), Caveats.section(report.settings()), learningCurve(report, drawn),
                confusion(report), continual(report, drawn),
                significance(report, drawn), cost(report), receptiveFields(report, drawn), telemetry(report),
                settings(report.settings(), report.wallMs()));
    }

    /** The command that repeats this comparison: its seed and hidden size, and {@code --quick} if it was quick. */
    static String reproduceCommand(Settings settings) {
        return "./aplysia demo --seed " + settings.seed() + " --hidden " + settings.hidden()
                + (settings.quick() ? " --quick" : "");
    }

    private static String title(ComparisonReport report, RunMetadata run) {
        return "# Aplysia: learning on the device against backprop on the host\n\n"
                + runLines(run) + "\n"
                + Headline.paragraph(report) + "\n\n"
                + "Data: [summary.json](summary.json), [learning_curve.csv](learning_curve.csv), "
                + "[continual.csv](continual.csv), [significance.csv](significance.csv), [cost.csv](cost.csv), "
                + "[telemetry.csv](telemetry.csv).\n";
    }

    private static String learningCurve(ComparisonReport report, Set<ReportFile> drawn) {
        ComparisonReport.CurveComparison curves = report.learningCurve();
        return "## Learning curve\n\n"
                + "Test accuracy on " + N.count(report.settings().testSamples()) + " test samples after each "
                + "checkpoint of one online pass, both learners seeing the training samples in the same order. "
                + "Backprop trained offline for " + curves.backpropOfflineEpochs() + " epochs scored "
                + N.real(curves.backpropOffline()) + " (the dashed line).\n\n"
                + figure(drawn, ReportFile.LEARNING_CURVE_CHART, "Test accuracy against samples seen")
                + ExperimentTables.learningCurve(curves, N).markdown();
    }

    private static String runLines(RunMetadata run) {
        RunMetadata.Machine machine = run.machine();
        RunMetadata.Options options = run.options();
        return "- commit: `" + run.gitCommit() + "`\n"
                + "- date: " + run.date() + "\n"
                + "- options: quick " + options.quick() + ", hidden " + options.hidden() + ", seed " + options.seed()
                + "\n"
                + "- seeds: " + run.seeds().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " (both learners and every sample order)\n"
                + "- JVM: " + run.jvm() + "\n"
                + "- machine: " + machine.os() + " " + machine.arch() + ", " + machine.processors() + " processors, "
                + machine.cpuModel() + "\n";
    }

    private static String confusion(ComparisonReport report) {
        ComparisonReport.Confusion confusion = report.confusion();
        return "### Decisions at the end of the pass\n\n"
                + "Each learner's decisions on the " + N.count(report.settings().testSamples()) + " test samples at "
                + "the last checkpoint: rows are the true digit, columns the digit decided, and recall is the "
                + "diagonal count over the row.\n\n"
                + (confusion.device() == null
                        ? "Device: its confusion frame never arrived (see Telemetry), so there is no matrix.\n"
                        : matrix("Device, as counted on the device and received as telemetry", confusion.device()))
                + "\n" + matrix("Backprop, online, counted on the host", confusion.backprop());
    }

    private static String matrix(String whose, ConfusionMatrix matrix) {
        return whose + ": " + N.count(matrix.correct()) + " of " + N.count(matrix.total()) + " right ("
                + N.real(matrix.accuracy()) + ").\n\n" + ExperimentTables.confusion(matrix, N).markdown();
    }

    private static String continual(ComparisonReport report, Set<ReportFile> drawn) {
        return "## Continual learning: digits 0–4, then 5–9\n\n"
                + "Each learner makes one pass over the digits 0–4, then one over 5–9. Forgetting is the accuracy on "
                + "0–4 lost while learning 5–9.\n\n"
                + figure(drawn, ReportFile.FORGETTING_CHART, "Accuracy on 0–4 before and after learning 5–9")
                + ExperimentTables.continual(report.continual(), N).markdown();
    }

    private static String significance(ComparisonReport report, Set<ReportFile> drawn) {
        return "## Significance: a rare digit shown a few times\n\n"
                + "A few samples of a rare digit are mixed early into a stream of the other digits, flagged "
                + "significant or not. Recall is the fraction of those presented samples the learner still "
                + "classifies right at the end; test accuracy is on the rare digit's test samples, never seen.\n\n"
                + figure(drawn, ReportFile.SIGNIFICANCE_CHART, "Recall of the rare samples against presentations")
                + ExperimentTables.significance(report.significance(), N).markdown();
    }

    private static String cost(ComparisonReport report) {
        return "## Cost of one learning step\n\n"
                + "State is every byte a learner keeps to learn (weights, traces, consolidation, activations, "
                + "buffers). Time per sample was measured on the machine that ran each learner.\n\n"
                + ExperimentTables.cost(report.cost(), N).markdown();
    }

    private static String receptiveFields(ComparisonReport report, Set<ReportFile> drawn) {
        if (!drawn.contains(ReportFile.RECEPTIVE_FIELDS_IMAGE)) {
            return "## Receptive fields\n\nThis report carries no receptive fields, so no image was drawn.\n";
        }
        return "## Receptive fields\n\n"
                + "The learned input weights of the first " + report.receptiveFields().size() + " feature neurons "
                + "as 8x8 images, each labelled with the class its readout weight is largest for. A tile is shaded "
                + "against the neuron's own strongest weight, which is black.\n\n"
                + image(ReportFile.RECEPTIVE_FIELDS_IMAGE, "Receptive fields of the feature neurons");
    }

    private static String telemetry(ComparisonReport report) {
        ComparisonReport.TelemetryStats telemetry = report.telemetry();
        long expected = telemetry.streams().stream().mapToLong(StreamStats::expected).sum();
        long missing = telemetry.streams().stream().mapToLong(StreamStats::missing).sum();
        String arrival = missing == 0
                ? "All " + N.count(expected) + " frames the device counted arrived."
                : N.count(missing) + " of the " + N.count(expected) + " frames the device counted never arrived.";
        return "## Telemetry\n\n"
                + "The device's figures reached the host as telemetry through the broker. " + arrival + " The device "
                + "dropped " + N.count(telemetry.droppedOnDevice()) + " frames from its outgoing queue.\n\n"
                + ExperimentTables.telemetry(telemetry, N).markdown();
    }

    private static String settings(Settings settings, long wallMs) {
        Table table = new Table(List.of(new Column("setting", "setting"), new Column("value", "value")), List.of(
                List.of("device id", settings.deviceId()), List.of("broker", settings.broker()),
                List.of("seed", Long.toString(settings.seed())), List.of("hidden", N.count(settings.hidden())),
                List.of("quick", Boolean.toString(settings.quick())),
                List.of("training samples", N.count(settings.trainSamples())),
                List.of("test samples", N.count(settings.testSamples())),
                List.of("wall time (s)", N.real(wallMs / 1000.0))));
        return "## Settings\n\n" + table.markdown() + "\nReproduce with `" + reproduceCommand(settings) + "`.\n";
    }

    private static String figure(Set<ReportFile> drawn, ReportFile file, String description) {
        return (drawn.contains(file) ? image(file, description) : "No data for this experiment, so no chart.\n")
                + "\n";
    }

    private static String image(ReportFile file, String description) {
        return "![" + description + "](" + file.fileName() + ")\n";
    }
}
