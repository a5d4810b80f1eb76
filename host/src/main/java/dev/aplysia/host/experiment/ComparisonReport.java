package dev.aplysia.host.experiment;

import java.util.List;

/**
 * Everything one comparison measured, device and backprop side by side. The device's figures come from telemetry
 * received through the broker; the backprop figures from the host's own runs on the same sample stream.
 *
 * @param settings         what was run
 * @param learningCurve    test accuracy against samples seen, both learners, one online pass
 * @param confusion        both learners' decisions on the test set at the end of that pass
 * @param continual        class-incremental learning: digits 0-4, then 5-9
 * @param significance     a rare class shown a few times, flagged significant or not
 * @param cost             what one learning step costs each learner
 * @param telemetry        frames the device sent, received and missing, per stream
 * @param receptiveFields  learned feature weights of the first feature neurons (8x8 images)
 * @param wallMs           wall time of the whole comparison
 */
public record ComparisonReport(Settings settings, CurveComparison learningCurve, Confusion confusion,
                               List<ContinualRow> continual, List<SignificanceRow> significance, List<CostRow> cost,
                               TelemetryStats telemetry, List<ReceptiveField> receptiveFields, long wallMs) {

    /**
     * What was run.
     *
     * @param deviceId     the device's MQTT id
     * @param broker       broker URL
     * @param seed         seed of both learners and of the presentation order
     * @param hidden       hidden size of both learners (feature neurons / MLP hidden units)
     * @param quick        a shortened run (fewer samples) for a first look
     * @param trainSamples training samples in the learning-curve pass
     * @param testSamples  test samples scored at each checkpoint
     */
    public record Settings(String deviceId, String broker, long seed, int hidden, boolean quick, int trainSamples,
                           int testSamples) {
    }

    /**
     * Learning curves of one online pass in the same order.
     *
     * @param device                curve received from the device
     * @param backprop              curve of plain SGD backprop, batch size 1
     * @param backpropOffline       test accuracy of backprop trained offline for {@code backpropOfflineEpochs}
     * @param backpropOfflineEpochs epochs of the offline reference
     */
    public record CurveComparison(List<LearningCurve.Point> device, List<LearningCurve.Point> backprop,
                                  double backpropOffline, int backpropOfflineEpochs) {
    }

    /**
     * The test set's decisions at the last checkpoint of the learning curve, the end of the pass: rows the true
     * digit, columns the decided one. Each matrix's trace over its total is that learner's final accuracy.
     *
     * @param device   as counted on the device and received as telemetry, or null if that frame never arrived
     * @param backprop counted on this host, after the online pass
     */
    public record Confusion(ConfusionMatrix device, ConfusionMatrix backprop) {
    }

    /**
     * One learner through the class-incremental protocol (one pass over each task).
     *
     * @param learner         e.g. {@code device, consolidation}, {@code device, no consolidation}, {@code backprop}
     * @param firstTaskBefore accuracy on test digits 0-4 after learning 0-4
     * @param firstTaskAfter  accuracy on test digits 0-4 after then learning 5-9
     * @param secondTaskAfter accuracy on test digits 5-9 at the end
     */
    public record ContinualRow(String learner, double firstTaskBefore, double firstTaskAfter,
                               double secondTaskAfter) {
    }

    /**
     * One learner after a stream of the other classes into which {@code presentations} samples of {@code rareClass}
     * were mixed early, flagged significant or not.
     *
     * @param recalled     how many of the presented rare samples the learner still classifies right at the end
     * @param testAccuracy accuracy on the test samples of the rare class (never seen)
     */
    public record SignificanceRow(String learner, int rareClass, int presentations, boolean flagged, int recalled,
                                  double testAccuracy) {
    }

    /**
     * What one learning step costs.
     *
     * @param stateBytes         bytes of learning state (weights, traces, consolidation, activations, buffers)
     * @param opsPerLearningStep operations per learned sample (device: synaptic events + neuron updates + synapse
     *                           updates over the whole presentation; backprop: multiply-adds of forward, backward and
     *                           update)
     * @param microsPerSample    wall time per learned sample on the machine that ran it
     * @param updateReads        what each weight update had to read
     */
    public record CostRow(String learner, long stateBytes, long opsPerLearningStep, double microsPerSample,
                          String updateReads) {
    }

    /** Telemetry accounting: the device's count of frames against what arrived. */
    public record TelemetryStats(List<StreamStats> streams, long droppedOnDevice) {
    }

    /**
     * One telemetry stream.
     *
     * @param expected frames the device says it sent (its last {@code seq} + 1)
     * @param received frames that arrived
     * @param missing  frames that never arrived, from gaps in {@code seq}
     * @param gaps     the missing {@code seq} ranges, e.g. {@code 12-15}
     */
    public record StreamStats(String stream, long expected, long received, long missing, List<String> gaps) {
    }

    /**
     * The learned input weights of one feature neuron.
     *
     * @param neuron  index in the feature layer
     * @param weights 64 weights, row-major 8x8, real weight units (0..1)
     * @param label   the class its readout weight is largest for, or -1 if it has learned none
     */
    public record ReceptiveField(int neuron, double[] weights, int label) {
    }
}
