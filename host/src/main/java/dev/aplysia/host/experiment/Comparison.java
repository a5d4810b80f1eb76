package dev.aplysia.host.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.fixtures.dataset.DigitSet;
import dev.aplysia.fixtures.dataset.Optdigits;
import dev.aplysia.host.backprop.Mlp;
import dev.aplysia.host.backprop.SgdTrainer;
import dev.aplysia.host.collect.CommandAck;
import dev.aplysia.host.collect.DeviceDirectory;
import dev.aplysia.host.collect.ReceivedFrame;
import dev.aplysia.host.collect.StreamGaps;
import dev.aplysia.host.collect.TelemetryCollector;
import dev.aplysia.host.lab.LabDevice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Drives one comparison: the device's side over MQTT (commands to a {@link LabDevice}, results from its telemetry),
 * the backprop side on this host while the device works, on the same samples in the same order.
 *
 * <p>It fails within seconds, naming the device, instead of waiting out its timeouts: when no device of that id has
 * a status on the broker (the message lists the devices that do, from their retained {@code status}), when the
 * device's status has said {@code offline} for {@link TelemetryCollector#OFFLINE_GRACE} (its Last Will), and when an
 * experiment ends with an {@code error}. The backprop side runs on a worker thread meanwhile, so a long host
 * computation does not delay the verdict.
 */
public final class Comparison {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXPERIMENT_TIMEOUT = Duration.ofMinutes(20);
    /** Retained statuses arrive right after subscribing; a device with none by then is not on the broker. */
    private static final Duration PRESENCE_WAIT = Duration.ofSeconds(3);
    private static final long POLL_MILLIS = 20;
    private static final String UPDATE_READS_DEVICE = "local: its own weight and consolidation, the pre- and"
            + " postsynaptic traces, one broadcast neuromodulator";
    private static final String UPDATE_READS_BACKPROP = "global: an error propagated back from every output, through"
            + " every weight above it";
    /** The significance protocol's two conditions, in the order both learners run them. */
    private static final boolean[] FLAGS = {false, true};

    private final Transport transport;
    private final String deviceId;
    private final String broker;
    private final ComparisonPlan plan;
    private final Optdigits data;
    private final Consumer<String> progress;
    private final Phases phases;

    /**
     * @param transport a connection to the broker the device uses (not yet connected)
     * @param progress  receives one human-readable line per step, and a start and a done line per phase
     *                  ({@link Phases})
     */
    public Comparison(Transport transport, String deviceId, String broker, ComparisonPlan plan, Optdigits data,
                      Consumer<String> progress) {
        this.transport = transport;
        this.deviceId = deviceId;
        this.broker = broker;
        this.plan = plan;
        this.data = data;
        this.progress = progress;
        this.phases = new Phases(progress, System::nanoTime);
    }

    /** Runs every experiment and returns what was measured. */
    public ComparisonReport run() throws Exception {
        long start = System.nanoTime();
        DeviceDirectory directory = DeviceDirectory.subscribe(transport, Topics.DEFAULT_PREFIX);
        try (TelemetryCollector device = new TelemetryCollector(Topics.of(deviceId), transport)) {
            device.start();
            device.awaitConnected(COMMAND_TIMEOUT);
            awaitOnline(device, directory);
            JsonNode meta = device.awaitMeta(COMMAND_TIMEOUT);
            progress.accept("device " + deviceId + " online: " + meta);
            configure(device);
            CurveRun curve = learningCurve(device);
            List<ComparisonReport.ContinualRow> continual = continual(device);
            List<ComparisonReport.SignificanceRow> significance = significance(device);
            return new ComparisonReport(settings(), curve.curves(), curve.confusion(), continual, significance,
                    cost(device), telemetry(device), receptiveFields(device), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * Waits until the device says {@code online}; fails at once if it has no status at all (listing the devices
     * that do), or once it has said {@code offline} for the grace period.
     */
    private void awaitOnline(TelemetryCollector device, DeviceDirectory directory) throws Exception {
        long started = System.nanoTime();
        while (!device.status().filter(Topics.ONLINE::equals).isPresent()) {
            long waited = System.nanoTime() - started;
            if (device.status().isEmpty() && waited > PRESENCE_WAIT.toNanos()) {
                throw new IllegalStateException("no device '" + deviceId + "' on " + broker + " (nothing on "
                        + Topics.of(deviceId).status() + "); devices with a status there: " + directory.describe());
            }
            device.requireOnline();
            if (waited > COMMAND_TIMEOUT.toNanos()) {
                throw new TimeoutException("device " + deviceId + " did not come online within " + COMMAND_TIMEOUT);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * Runs host-side work on a worker thread while watching the device: if the device is gone, the work is
     * abandoned (interrupted, its result discarded) and the device's failure thrown.
     */
    private static <T> T whileDeviceLives(TelemetryCollector device, Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread worker = new Thread(task, "comparison-backprop");
        worker.setDaemon(true);
        worker.start();
        try {
            while (true) {
                try {
                    return task.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    device.requireOnline();
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            task.cancel(true);
        }
    }

    private ComparisonReport.Settings settings() {
        return new ComparisonReport.Settings(deviceId, broker, plan.seed(), plan.hidden(), plan.quick(),
                plan.train(data.train()).size(), plan.test(data.test()).size());
    }

    private void configure(TelemetryCollector device) throws Exception {
        for (Map.Entry<String, Double> setting : Map.of("seed", (double) plan.seed(), "hidden", (double) plan.hidden(),
                "quick", plan.quick() ? 1.0 : 0.0).entrySet()) {
            require(device.command("set", Map.of("name", setting.getKey(), "value", setting.getValue()),
                    COMMAND_TIMEOUT));
        }
    }

    /** What the learning-curve phase measured: the curves, and the decisions at their ends. */
    private record CurveRun(ComparisonReport.CurveComparison curves, ComparisonReport.Confusion confusion) {
    }

    /** The online pass on both learners; the offline reference runs on the host while the device works. */
    private CurveRun learningCurve(TelemetryCollector device) throws Exception {
        Phases.Phase phase = phases.start("learning curve");
        start(device, "learning-curve");
        DigitSet train = plan.train(data.train());
        DigitSet test = plan.test(data.test());
        SgdTrainer trainer = DigitsByBackprop.onlineTrainer(plan.hidden(), plan.seed());
        List<LearningCurve.Point> backprop = whileDeviceLives(device, () -> DigitsByBackprop.onlinePass(trainer,
                train, test, LearningCurve.shuffledOrder(train.size(), plan.seed())));
        progress.accept(String.format("backprop: one online pass, test accuracy %.3f",
                backprop.get(backprop.size() - 1).accuracy()));
        double offline = whileDeviceLives(device, () -> offlineReference(train, test));
        awaitDone(device, "learning-curve");
        List<LearningCurve.Point> onDevice = device.frames(LabDevice.CURVE).stream()
                .map(f -> new LearningCurve.Point((int) f.number("samples"), f.number("accuracy"))).toList();
        progress.accept(String.format("device: one online pass, test accuracy %.3f",
                onDevice.isEmpty() ? Double.NaN : onDevice.get(onDevice.size() - 1).accuracy()));
        phase.done();
        return new CurveRun(new ComparisonReport.CurveComparison(onDevice, backprop, offline, plan.offlineEpochs()),
                new ComparisonReport.Confusion(deviceConfusion(device), DigitsByBackprop.confusion(trainer.network(),
                        test)));
    }

    private double offlineReference(DigitSet train, DigitSet test) {
        Phases.Phase phase = phases.start("offline reference");
        double offline = DigitsByBackprop.offline(DigitsByBackprop.offlineTrainer(plan.hidden(), plan.seed()), train,
                test, plan.offlineEpochs(), plan.seed());
        progress.accept(String.format("backprop: %d epochs offline, test accuracy %.3f", plan.offlineEpochs(),
                offline));
        phase.done();
        return offline;
    }

    /** The confusion matrix the device counted at the end of its pass, or null if its frame never arrived. */
    private static ConfusionMatrix deviceConfusion(TelemetryCollector device) {
        List<ReceivedFrame> frames = device.frames(LabDevice.CONFUSION);
        if (frames.isEmpty()) {
            return null;
        }
        ObjectNode fields = frames.get(frames.size() - 1).fields();
        JsonNode raw = fields.get("counts");
        int[] counts = new int[raw.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = raw.get(i).asInt();
        }
        return ConfusionMatrix.ofRowMajor(fields.get("classes").asInt(), counts);
    }

    private List<ComparisonReport.ContinualRow> continual(TelemetryCollector device) throws Exception {
        Phases.Phase phase = phases.start("class-incremental");
        start(device, "continual");
        DigitSet train = plan.train(data.train());
        DigitSet test = plan.test(data.test());
        DigitsByBackprop.Forgetting forgetting = whileDeviceLives(device, () -> DigitsByBackprop.classIncremental(
                DigitsByBackprop.onlineTrainer(plan.hidden(), plan.seed()), train, test, 1, plan.seed()));
        awaitDone(device, "continual");
        List<ComparisonReport.ContinualRow> rows = new ArrayList<>();
        for (ReceivedFrame f : device.frames(LabDevice.CONTINUAL)) {
            boolean consolidation = f.fields().get("consolidation").asBoolean();
            rows.add(new ComparisonReport.ContinualRow(consolidation ? "device, consolidation"
                    : "device, no consolidation", f.number("first_before"), f.number("first_after"),
                    f.number("second_after")));
        }
        rows.add(new ComparisonReport.ContinualRow("backprop", forgetting.firstTaskBefore(),
                forgetting.firstTaskAfter(), forgetting.secondTaskAfter()));
        rows.forEach(r -> progress.accept(String.format("continual: %s keeps %.3f of digits 0-4 (was %.3f)",
                r.learner(), r.firstTaskAfter(), r.firstTaskBefore())));
        phase.done();
        return rows;
    }

    /**
     * One phase per presentation count, done when both learners have finished it: the device runs the counts in
     * the same order, reporting a row per count and flag as it goes.
     */
    private List<ComparisonReport.SignificanceRow> significance(TelemetryCollector device) throws Exception {
        start(device, "significance");
        List<ComparisonReport.SignificanceRow> rows = new ArrayList<>();
        for (int presentations : plan.presentations()) {
            Phases.Phase phase = phases.start("significance, " + presentations
                    + (presentations == 1 ? " presentation" : " presentations"));
            rows.addAll(whileDeviceLives(device, () -> backpropSignificance(presentations)));
            await(device, "significance", () -> device.frames(LabDevice.SIGNIFICANCE).stream()
                    .filter(f -> f.number("presentations") == presentations).count() >= FLAGS.length);
            phase.done();
        }
        awaitDone(device, "significance");
        for (ReceivedFrame f : device.frames(LabDevice.SIGNIFICANCE)) {
            rows.add(new ComparisonReport.SignificanceRow("device", (int) f.number("rare_class"),
                    (int) f.number("presentations"), f.fields().get("flagged").asBoolean(),
                    (int) f.number("recalled"), f.number("test_accuracy")));
        }
        return rows;
    }

    private List<ComparisonReport.SignificanceRow> backpropSignificance(int presentations) {
        List<ComparisonReport.SignificanceRow> rows = new ArrayList<>();
        for (boolean flagged : FLAGS) {
            Significance.Stream stream = Significance.stream(data.train(), ComparisonPlan.RARE_CLASS, presentations,
                    flagged, plan.significanceBackground(), plan.seed());
            rows.add(DigitsByBackprop.significance(DigitsByBackprop.onlineTrainer(plan.hidden(), plan.seed()), stream,
                    plan.test(data.test())));
        }
        return rows;
    }

    private List<ComparisonReport.CostRow> cost(TelemetryCollector device) {
        List<ComparisonReport.CostRow> rows = new ArrayList<>();
        for (ReceivedFrame f : device.frames(LabDevice.COST)) {
            rows.add(new ComparisonReport.CostRow("device", (long) f.number("state_bytes"),
                    (long) f.number("ops_per_learning_step"), f.number("micros_per_sample"), UPDATE_READS_DEVICE));
        }
        Mlp mlp = new Mlp(DigitSet.PIXELS, plan.hidden(), DigitSet.CLASSES, plan.seed());
        rows.add(new ComparisonReport.CostRow("backprop", mlp.stateBytes(), mlp.opsPerLearningStep(),
                DigitsByBackprop.microsPerLearningStep(plan.hidden(), plan.seed(), plan.train(data.train())),
                UPDATE_READS_BACKPROP));
        return rows;
    }

    private ComparisonReport.TelemetryStats telemetry(TelemetryCollector device) {
        List<ReceivedFrame> done = device.events(LabDevice.DONE);
        JsonNode last = done.isEmpty() ? null : done.get(done.size() - 1).fields();
        List<ComparisonReport.StreamStats> streams = new ArrayList<>();
        for (String stream : LabDevice.STREAMS) {
            long expected = last == null ? 0 : last.path(stream.replace('-', '_') + "_frames").asLong();
            StreamGaps gaps = device.gaps(stream);
            long received = device.frames(stream).size();
            List<String> ranges = gaps.missing().stream().map(Object::toString).toList();
            long missingTail = Math.max(0, expected - received - gaps.missingCount());
            if (missingTail > 0) {
                ranges = new ArrayList<>(ranges);
                ranges.add((expected - missingTail) + "-" + (expected - 1));
            }
            streams.add(new ComparisonReport.StreamStats(stream, expected, received, expected - received, ranges));
        }
        return new ComparisonReport.TelemetryStats(streams, last == null ? 0 : last.path("dropped").asLong());
    }

    private List<ComparisonReport.ReceptiveField> receptiveFields(TelemetryCollector device) {
        List<ComparisonReport.ReceptiveField> fields = new ArrayList<>();
        for (ReceivedFrame f : device.frames(LabDevice.RECEPTIVE_FIELD)) {
            JsonNode raw = f.fields().get("weights");
            double[] weights = new double[raw.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = raw.get(i).asLong() / (double) (1 << 14);
            }
            fields.add(new ComparisonReport.ReceptiveField((int) f.number("neuron"), weights, (int) f.number("label")));
        }
        return fields;
    }

    private void start(TelemetryCollector device, String experiment) throws Exception {
        require(device.command("start", Map.of("experiment", experiment), COMMAND_TIMEOUT));
    }

    private void awaitDone(TelemetryCollector device, String experiment) throws TimeoutException, InterruptedException {
        await(device, experiment, () -> false);
    }

    /**
     * Waits until {@code arrived} holds or the device has finished {@code experiment}, whichever comes first; fails
     * if the device is gone or ended the experiment with an error.
     */
    private void await(TelemetryCollector device, String experiment, BooleanSupplier arrived)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + EXPERIMENT_TIMEOUT.toNanos();
        while (!arrived.getAsBoolean() && !finished(device, experiment)) {
            device.requireOnline();
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the device did not finish " + experiment + " within " + EXPERIMENT_TIMEOUT);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** True once the device reported the end of {@code experiment}; throws if that end was an error. */
    private boolean finished(TelemetryCollector device, String experiment) {
        for (ReceivedFrame done : device.events(LabDevice.DONE)) {
            if (experiment.equals(done.fields().path("experiment").asText())) {
                JsonNode error = done.fields().get("error");
                if (error != null) {
                    throw new IllegalStateException("device " + deviceId + " failed " + experiment + ": "
                            + error.asText());
                }
                return true;
            }
        }
        return false;
    }

    private static void require(CommandAck ack) {
        if (!ack.ok()) {
            throw new IllegalStateException("the device refused " + ack.command() + ": " + ack.error());
        }
    }
}
