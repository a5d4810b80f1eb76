package dev.aplysia.host.report;

/** The files a report folder can hold, by name. */
enum ReportFile {
    /** The whole comparison as JSON, snake_case keys, with {@code schema} and {@code generator} on top. */
    SUMMARY("summary.json"),
    /** {@code samples,device_accuracy,backprop_accuracy}: one row per checkpoint of either learner. */
    LEARNING_CURVE_TABLE("learning_curve.csv"),
    /** One row per learner through digits 0-4 then 5-9. */
    CONTINUAL_TABLE("continual.csv"),
    /** One row per learner, rare-sample count and flag. */
    SIGNIFICANCE_TABLE("significance.csv"),
    /** One row per learner: state, operations and time per learned sample, and what an update reads. */
    COST_TABLE("cost.csv"),
    /** One row per telemetry stream: frames expected, received, missing, and the missing ranges. */
    TELEMETRY_TABLE("telemetry.csv"),
    /** Test accuracy against samples seen, log x axis, with the offline backprop reference. */
    LEARNING_CURVE_CHART("learning-curve.png"),
    /** Grouped bars: accuracy on 0-4 before and after learning 5-9, and on 5-9 at the end, per learner. */
    FORGETTING_CHART("forgetting.png"),
    /** Recall of the presented rare samples against presentations, flagged and unflagged, per learner. */
    SIGNIFICANCE_CHART("significance.png"),
    /** A grid of 8x8 weight tiles, one per feature neuron, each labelled with its readout class. */
    RECEPTIVE_FIELDS_IMAGE("receptive-fields.png"),
    /** The shareable report: summary paragraph, one section per experiment with its figure and table, settings. */
    MARKDOWN("report.md");

    private final String fileName;

    ReportFile(String fileName) {
        this.fileName = fileName;
    }

    String fileName() {
        return fileName;
    }
}
