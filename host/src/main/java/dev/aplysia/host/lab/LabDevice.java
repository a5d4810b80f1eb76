package dev.aplysia.host.lab;

import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.command.Command;
import dev.aplysia.device.command.CommandCatalog;
import dev.aplysia.device.command.CommandProcessor;
import dev.aplysia.device.telemetry.DeviceMeta;
import dev.aplysia.device.telemetry.FrameChannel;
import dev.aplysia.device.telemetry.LinkHealth;
import dev.aplysia.device.wire.FrameWriter;
import dev.aplysia.device.telemetry.Publisher;
import dev.aplysia.device.telemetry.Telemetry;
import dev.aplysia.device.telemetry.TelemetryQueue;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.TransportException;
import dev.aplysia.fixtures.dataset.DigitSet;
import dev.aplysia.fixtures.dataset.Optdigits;
import dev.aplysia.host.experiment.ComparisonPlan;
import dev.aplysia.host.experiment.ComparisonReport;
import dev.aplysia.host.experiment.ConfusionMatrix;
import dev.aplysia.host.experiment.DigitsOnDevice;
import dev.aplysia.host.experiment.Significance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A simulated device that serves the device side of the comparison over MQTT and nothing else: it runs the
 * experiments on the fixed-point core with its own copy of the data, and the host sees only its telemetry.
 *
 * <p>Commands ({@code docs/protocol.md}): {@code set {name, value}} for {@code seed}, {@code hidden} and
 * {@code quick}; {@code start {experiment}} with {@code learning-curve}, {@code continual} or {@code significance},
 * acknowledged when it starts; {@code stop} and {@code reset} are acknowledged (an experiment runs to its end; each
 * starts from a new network); {@code snapshot} and {@code load-weights} are refused (the lab keeps no state between
 * experiments). Results go to the {@link #STREAMS}; each experiment ends with an {@link #DONE} event that carries
 * every stream's frame count, so the host can tell what it missed.
 *
 * <p>Frames carry the envelope every device's do: {@code ts} is the host's wall clock, {@code uptime_ms} counts from
 * the lab's construction, and {@code tick} counts the ticks its core has run since then, over every network its
 * experiments built, learning and testing alike: it has no tick loop that idles, so its ticks are its core's.
 *
 * <p>No command stops the worker. Before acknowledging {@code start}, the lab builds the experiment's learners: one
 * that does not fit the MCU profile ({@code hidden 2000} with consolidation needs more state than an RP2040 has) is
 * refused with the reason in the ack. A failure while an experiment runs ends it with an {@link #DONE} event carrying
 * {@code error}; a failure while handling any other command is that command's error ack. The worker then serves the
 * next command.
 */
public final class LabDevice implements AutoCloseable {

    /** Learning-curve points: {@code samples}, {@code accuracy}. */
    public static final String CURVE = "curve";
    /**
     * The test set's decisions at the end of the learning curve, one frame: {@code classes} and {@code counts}, the
     * {@code classes²} counts row after row, rows the true class and columns the decided one.
     */
    public static final String CONFUSION = "confusion";
    /** Continual-learning rows: {@code consolidation}, {@code first_before}, {@code first_after}, {@code second_after}. */
    public static final String CONTINUAL = "continual";
    /** Significance rows: {@code rare_class}, {@code presentations}, {@code flagged}, {@code recalled}, {@code test_accuracy}. */
    public static final String SIGNIFICANCE = "significance";
    /** Cost of a learning step: {@code state_bytes}, {@code ops_per_learning_step}, {@code micros_per_sample}. */
    public static final String COST = "cost";
    /** Learned feature weights: {@code neuron}, {@code label}, {@code weights} (64 raw Q1.14 values). */
    public static final String RECEPTIVE_FIELD = "receptive-field";
    /** Every result stream, in the order the host accounts for them. */
    public static final List<String> STREAMS = List.of(CURVE, CONFUSION, CONTINUAL, SIGNIFICANCE, COST,
            RECEPTIVE_FIELD);
    /**
     * End of an experiment: {@code experiment}, the frame count of every stream, and {@code error} if it failed part
     * way.
     */
    public static final String DONE = "experiment-done";
    /** Experiments the lab runs. */
    public static final List<String> EXPERIMENTS = List.of("learning-curve", "continual", "significance");
    /** Feature neurons whose receptive fields are sent after the learning curve. */
    public static final int RECEPTIVE_FIELDS = 25;

    private static final McuProfile PROFILE = McuProfile.RP2040;
    private static final int MAX_ERROR_CHARS = 300;

    private final String deviceId;
    private final Optdigits data;
    private final Telemetry telemetry;
    private final Map<String, FrameChannel> streams = new LinkedHashMap<>();
    private final FrameChannel done;
    private final CommandProcessor commands;
    private final Publisher publisher;
    private final Thread worker;
    private final Map<String, Double> settings = new LinkedHashMap<>(Map.of("seed", 1.0, "hidden", 400.0,
            "quick", 0.0));
    private volatile boolean closing;
    private SpikingClassifier core;
    private long retiredTicks;

    /** A lab device called {@code deviceId}, publishing through {@code transport}. */
    public LabDevice(String deviceId, Transport transport, Optdigits data) {
        this.deviceId = deviceId;
        this.data = data;
        this.telemetry = new Telemetry(new TelemetryQueue(1024, 1024));
        for (String name : STREAMS) {
            streams.put(name, telemetry.stream(name));
        }
        this.done = telemetry.event(DONE);
        this.commands = new CommandProcessor(new CommandCatalog().parameter("seed", 0, Integer.MAX_VALUE)
                .parameter("hidden", 1, 2000).parameter("quick", 0, 1).specs(), 16);
        this.publisher = new Publisher(Topics.of(deviceId), telemetry, commands, meta(), transport);
        this.worker = new Thread(this::serve, "lab-device-" + deviceId);
        worker.setDaemon(true);
    }

    private static DeviceMeta meta() {
        return DeviceMeta.of(SpikingClassifier.spec(new ComparisonPlan(1, 400, false).classifier()), PROFILE);
    }

    /** Connects and starts serving commands. */
    public void start() throws TransportException {
        publisher.start();
        worker.start();
    }

    /** The device id. */
    public String deviceId() {
        return deviceId;
    }

    /** Why the lab stopped publishing because another device holds its id, or null. */
    public String conflict() {
        return publisher.conflict();
    }

    /** What has happened to the link (listen before {@link #start()}). */
    public LinkHealth linkHealth() {
        return publisher.health();
    }

    private void serve() {
        while (!closing) {
            Command command = commands.poll();
            if (command == null) {
                LockSupport.parkNanos(1_000_000);
                continue;
            }
            try {
                handle(command);
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                failed(command, e);
            }
        }
    }

    private void failed(Command command, Throwable failure) {
        if (!command.answered()) {
            commands.reject(command, "the lab device failed to " + command.name() + ": " + brief(failure));
        }
    }

    /** What failed, short enough for an ack or an event (the frame slot holds 1 KiB). */
    private static String brief(Throwable failure) {
        String text = failure.toString();
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "...";
    }

    private void handle(Command command) {
        switch (command.name()) {
            case CommandCatalog.SET -> {
                settings.put(command.text("name"), command.number("value"));
                commands.acknowledge(command);
            }
            case CommandCatalog.START -> start(command);
            case CommandCatalog.STOP, CommandCatalog.RESET -> commands.acknowledge(command);
            default -> commands.reject(command, "the lab device keeps no state between experiments: each one starts"
                    + " from a new network");
        }
    }

    private void start(Command command) {
        String experiment = command.text("experiment");
        if (!EXPERIMENTS.contains(experiment)) {
            commands.reject(command, "unknown experiment '" + experiment + "'; known: " + EXPERIMENTS);
            return;
        }
        ComparisonPlan plan = new ComparisonPlan(settings.get("seed").longValue(),
                settings.get("hidden").intValue(), settings.get("quick") != 0);
        String unfit = unfit(experiment, plan);
        if (unfit != null) {
            commands.reject(command, unfit);
            return;
        }
        commands.acknowledge(command);
        try {
            run(experiment, plan);
            finish(experiment, null);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            finish(experiment, brief(e));
        }
    }

    /** Why the learners of {@code experiment} cannot be built as {@code plan} says, or null if they can. */
    private static String unfit(String experiment, ComparisonPlan plan) {
        try {
            new SpikingClassifier(plan.classifier(), PROFILE);
            if (experiment.equals("continual")) {
                new SpikingClassifier(plan.classifierWithConsolidation(), PROFILE);
            }
            return null;
        } catch (RuntimeException e) {
            return "cannot run " + experiment + " with hidden " + plan.hidden() + " on " + PROFILE.id() + ": "
                    + e.getMessage();
        }
    }

    private void run(String experiment, ComparisonPlan plan) {
        switch (experiment) {
            case "learning-curve" -> learningCurve(plan);
            case "continual" -> continual(plan);
            default -> significance(plan);
        }
    }

    private void learningCurve(ComparisonPlan plan) {
        DigitSet train = plan.train(data.train());
        DigitSet test = plan.test(data.test());
        DigitsOnDevice.Result result = DigitsOnDevice.learningCurve(build(plan.classifier()), PROFILE, train, test,
                (point, of) -> {
                    send(CURVE).field("samples", point.samples()).field("accuracy", point.accuracy(), 6);
                    flush(CURVE);
                }, this::sendReceptiveFields);
        sendConfusion(result.confusion());
        send(COST).field("state_bytes", result.stateBytes()).field("ops_per_learning_step", result.opsPerLearningStep())
                .field("micros_per_sample", result.microsPerSample(), 3);
        flush(COST);
    }

    private void sendReceptiveFields(SpikingClassifier classifier) {
        int[] weights = new int[classifier.config().inputs()];
        for (int j = 0; j < Math.min(RECEPTIVE_FIELDS, classifier.config().hidden()); j++) {
            classifier.receptiveField(j, weights);
            send(RECEPTIVE_FIELD).field("neuron", j).field("label", classifier.featureClass(j))
                    .field("weights", weights, 0, weights.length);
            flush(RECEPTIVE_FIELD);
        }
    }

    private void sendConfusion(ConfusionMatrix confusion) {
        int[] counts = confusion.rowMajor();
        send(CONFUSION).field("classes", confusion.classes()).field("counts", counts, 0, counts.length);
        flush(CONFUSION);
    }

    private void continual(ComparisonPlan plan) {
        DigitSet train = plan.train(data.train());
        DigitSet test = plan.test(data.test());
        for (boolean consolidation : new boolean[] {true, false}) {
            ComparisonReport.ContinualRow row = DigitsOnDevice.continual("device", build(consolidation
                    ? plan.classifierWithConsolidation() : plan.classifier()), train, test);
            send(CONTINUAL).field("consolidation", consolidation).field("first_before", row.firstTaskBefore(), 6)
                    .field("first_after", row.firstTaskAfter(), 6).field("second_after", row.secondTaskAfter(), 6);
            flush(CONTINUAL);
        }
    }

    private void significance(ComparisonPlan plan) {
        DigitSet test = plan.test(data.test());
        for (int presentations : plan.presentations()) {
            for (boolean flagged : new boolean[] {false, true}) {
                Significance.Stream stream = Significance.stream(data.train(), ComparisonPlan.RARE_CLASS,
                        presentations, flagged, plan.significanceBackground(), plan.seed());
                ComparisonReport.SignificanceRow row = DigitsOnDevice.significance(build(plan.classifier()),
                        stream, test);
                send(SIGNIFICANCE).field("rare_class", row.rareClass()).field("presentations", row.presentations())
                        .field("flagged", row.flagged()).field("recalled", row.recalled())
                        .field("test_accuracy", row.testAccuracy(), 6);
                flush(SIGNIFICANCE);
            }
        }
    }

    /** A new classifier for the next run, whose core's ticks count on from those of the ones before it. */
    private SpikingClassifier build(ClassifierConfig config) {
        retiredTicks = tick();
        core = new SpikingClassifier(config, PROFILE);
        return core;
    }

    /** Ticks the lab's cores have run since construction. */
    private long tick() {
        return retiredTicks + (core == null ? 0 : core.network().tick());
    }

    private FrameWriter send(String stream) {
        return streams.get(stream).begin(tick());
    }

    private void flush(String stream) {
        streams.get(stream).send();
    }

    /** The {@link #DONE} event, with {@code error} if the experiment failed part way. */
    private void finish(String experiment, String error) {
        FrameWriter event = done.begin(tick()).field("experiment", experiment);
        streams.forEach((name, channel) -> event.field(name.replace('-', '_') + "_frames", channel.nextSeq()));
        event.field("dropped", telemetry.queue().dropped());
        if (error != null) {
            event.field("error", error);
        }
        done.send();
    }

    /** Stops serving and disconnects (the broker then publishes the Last Will, {@code offline}). */
    @Override
    public void close() {
        closing = true;
        worker.interrupt();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }
}
