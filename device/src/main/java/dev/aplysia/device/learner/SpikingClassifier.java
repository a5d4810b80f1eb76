package dev.aplysia.device.learner;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.Population;
import dev.aplysia.device.fixed.CounterRandom;
import dev.aplysia.device.encode.ClassDecoder;
import dev.aplysia.device.encode.RateEncoder;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.TraceSpec;

/**
 * An online classifier that learns with local rules only, one sample at a time:
 * <ul>
 *   <li><b>input</b>: a {@link RateEncoder} turns intensities into spikes; each input keeps a spike-count trace that
 *       reaches its normalised intensity at the end of the presentation;</li>
 *   <li><b>features</b>: a 1-winner-take-all layer of LIF neurons. A neuron's drive is the match (cosine) between its
 *       weights and the input; unused neurons carry an intrinsic excitability equal to the vigilance, so a sample
 *       that matches no learned feature well enough recruits a fresh neuron (adaptive resonance, in spikes). The
 *       winner learns with {@link PlasticityRule#consolidatingInstar}: the first significant presentation imprints the
 *       sample, later ones refine it while consolidation protects it;</li>
 *   <li><b>readout</b>: one neuron per class, taught by a current injected into the true class's neuron during
 *       learning; weights learn with {@link PlasticityRule#outstar} how often each feature goes with each class
 *       (kept plastic: a robot's readout must follow a changing world).</li>
 * </ul>
 * Both rules are gated by the broadcast neuromodulator, delivered for one tick after the presentation: no error is
 * propagated between layers.
 */
public final class SpikingClassifier {

    /**
     * The teacher: the current injected into the true class's readout neuron on every tick of a learning
     * presentation, real membrane units per tick.
     */
    public static final double TEACHER_CURRENT = 4.0;
    private static final double READOUT_THRESHOLD = 0.2;
    /** Excitability gain of a presentation the classifier got wrong: any fresh neuron outbids every old match. */
    public static final double RECRUIT_GAIN = 2.0;
    /** Cap on one input channel's rate, spikes per tick. */
    public static final double MAX_INPUT_RATE = 1.0;
    /** Longest classification presentation, in learning presentations. */
    public static final int MAX_CLASSIFY_PRESENTATIONS = 4;

    private final ClassifierConfig config;
    private final Network network;
    private final RateEncoder encoder;
    private final Population input;
    private final Population output;
    private final Population features;
    private final ClassDecoder decoder;
    private final int[] sample;
    private Phase phase = Phase.IDLE;
    private int ticksLeft;
    private int label;
    private double significance;
    private boolean learningBefore;
    private boolean answeredRight;
    private int answer = -1;
    private int predictingWinner;
    private int learningWinner;

    /** Where a presentation is. */
    private enum Phase { IDLE, PREDICTING, LEARNING, MODULATING, CLASSIFYING }

    /** Builds the network for {@code config} and checks it against {@code profile}. */
    public SpikingClassifier(ClassifierConfig config, McuProfile profile) {
        this.config = config;
        this.network = Network.build(spec(config), profile);
        this.encoder = new RateEncoder(config.inputs(), config.normRate(), MAX_INPUT_RATE);
        this.input = network.population("input");
        this.output = network.population("output");
        this.features = network.population("features");
        this.decoder = new ClassDecoder(output);
        this.sample = new int[config.inputs()];
    }

    /** The network spec of a classifier. */
    public static NetworkSpec spec(ClassifierConfig c) {
        ClassifierConfig.Storage storage = c.storage();
        double drivePerTick = c.normRate() * c.vigilance();
        double threshold = c.crossing() * c.ticksPerSample() * drivePerTick;
        NeuronSpec feature = NeuronSpec.lif(1.0, threshold, 0, c.ticksPerSample() + 1)
                .withExcitability(drivePerTick, drivePerTick).withMembrane(storage.membrane());
        NeuronSpec readout = NeuronSpec.lif(1.0, READOUT_THRESHOLD, 0, 0).withMembrane(storage.membrane());
        double countStep = 1.0 / (c.normRate() * c.ticksPerSample());
        PlasticityRule featureRule = c.consolidates()
                ? PlasticityRule.consolidatingInstar(c.featureRate(), c.consolidation(), c.maxConsolidation())
                : PlasticityRule.modulatedInstar(c.featureRate());
        return NetworkSpec.builder("spiking-classifier-" + c.inputs() + "x" + c.hidden() + "x" + c.classes())
                .population(PopulationSpec.input("input", c.inputs(), TraceSpec.counter(countStep)))
                .population(PopulationSpec.neurons("features", c.hidden(), feature, 1, TraceSpec.latch()))
                .population(PopulationSpec.neurons("output", c.classes(), readout, 1, TraceSpec.latch()))
                .projection(ProjectionSpec.constant("input-features", "input", "features", 0,
                        storage.featureMax(), 0, featureRule).withWeightFraction(storage.featureFraction()))
                .projection(ProjectionSpec.constant("features-output", "features", "output", 0,
                        storage.readoutMax(), 0, PlasticityRule.outstar(c.readoutRate()))
                        .withWeightFraction(storage.readoutFraction()))
                .seed(c.seed())
                .build();
    }

    /** Bytes of state a classifier of {@code config} holds (the accounting of {@link Network#budget()}). */
    public static long stateBytes(ClassifierConfig config) {
        return Network.build(spec(config), McuProfile.PI_NATIVE).budget().totalBytes();
    }

    /**
     * The most feature neurons a classifier of {@code config}'s shape can have within {@code budgetBytes} of state.
     *
     * @throws IllegalArgumentException if not even one feature neuron fits, saying how many bytes one needs
     */
    public static int hiddenFor(ClassifierConfig config, long budgetBytes) {
        long one = stateBytes(config.withHidden(1));
        long perFeature = stateBytes(config.withHidden(2)) - one;
        if (budgetBytes < one) {
            throw new IllegalArgumentException("a budget of " + budgetBytes + " bytes is below the smallest"
                    + " classifier (one feature neuron: " + one + " bytes)");
        }
        int hidden = (int) Math.min(65535, 1 + (budgetBytes - one) / perFeature);
        while (hidden > 1 && stateBytes(config.withHidden(hidden)) > budgetBytes) {
            hidden--;
        }
        while (hidden < 65535 && stateBytes(config.withHidden(hidden + 1)) <= budgetBytes) {
            hidden++;
        }
        return hidden;
    }

    /** The digits learner ({@link ClassifierConfig#digits}) with the most feature neurons that fit the budget. */
    public static ClassifierConfig digitsWithin(long budgetBytes, long seed) {
        return ClassifierConfig.digits(hiddenFor(ClassifierConfig.digits(1, seed), budgetBytes), seed);
    }

    /**
     * Presents one sample with its class and learns from it; {@code significance} scales the neuromodulator
     * delivered after the presentation (1 = a normal teaching event, 0 = present without learning, larger = more
     * significant). A significant sample is also presented with the feature layer's excitability raised by the same
     * factor, so it recruits a fresh feature neuron of its own rather than refining a similar one (and, with
     * consolidation, is consolidated harder).
     */
    public void learn(int[] intensities, int label, double significance) {
        beginLearning(intensities, label, significance);
        finish();
    }

    /**
     * Presents one sample with learning frozen and returns the decoded class; learned state is untouched. The
     * presentation ends at the first output spike, or after {@link #MAX_CLASSIFY_PRESENTATIONS} times the learning
     * presentation, so a sample that matches every learned feature poorly still reaches its best match.
     */
    public int classify(int[] intensities) {
        beginClassifying(intensities);
        finish();
        return decision();
    }

    /**
     * Starts a learning presentation, to be advanced by {@link #tick()}: {@code ticksPerSample} ticks with the
     * teacher current driving the true class's neuron, then one tick with the neuromodulator on.
     *
     * <p>An outcome-gated classifier first presents the sample for {@code ticksPerSample} ticks with learning
     * frozen and no teacher, and compares the class it answers with the label: this outcome is the broadcast signal.
     * A wrong answer raises the feature layer's excitability so that a fresh neuron, if one is left, wins the taught
     * presentation. The modulator then is: 1 when a fresh neuron won (it imprints the sample); the refinement rate
     * (or the significance, with consolidation) when the answer was right and the old winner won again; 0 when the
     * answer was wrong and no fresh neuron displaced the wrong winner, so a memory of another class is never pulled
     * toward this sample. Every weight update still reads only its synapse, its two neurons and the modulator.
     */
    public void beginLearning(int[] intensities, int label, double significance) {
        if (label < 0 || label >= config.classes()) {
            throw new IllegalArgumentException("label " + label + " outside 0.." + (config.classes() - 1));
        }
        if (intensities.length != config.inputs()) {
            throw new IllegalArgumentException("expected " + config.inputs() + " intensities, got "
                    + intensities.length);
        }
        System.arraycopy(intensities, 0, sample, 0, sample.length);
        this.label = label;
        this.significance = significance;
        this.answer = -1;
        if (config.outcomeGated()) {
            learningBefore = network.learning();
            network.setLearning(false);
            present(sample);
            predictingWinner = -1;
            ticksLeft = config.ticksPerSample();
            phase = Phase.PREDICTING;
        } else {
            answeredRight = true;
            beginTaught();
        }
    }

    private void beginTaught() {
        if (config.outcomeGated()) {
            represent();
        } else {
            present(sample);
        }
        output.inject(label, TEACHER_CURRENT);
        double gain = answeredRight ? 1.0 : RECRUIT_GAIN;
        features.setExcitabilityGain(Math.max(gain, significance));
        learningWinner = -1;
        ticksLeft = config.ticksPerSample();
        phase = Phase.LEARNING;
    }

    /** Starts a classifying presentation (learning frozen), to be advanced by {@link #tick()}. */
    public void beginClassifying(int[] intensities) {
        learningBefore = network.learning();
        network.setLearning(false);
        present(intensities);
        ticksLeft = MAX_CLASSIFY_PRESENTATIONS * config.ticksPerSample();
        phase = Phase.CLASSIFYING;
    }

    /**
     * Advances the current presentation by one network tick.
     *
     * @return true when the presentation has just finished (then {@link #decision()} is final)
     * @throws IllegalStateException when no presentation is in progress
     */
    public boolean tick() {
        switch (phase) {
            case PREDICTING -> {
                stepEncoded();
                predictingWinner = firstWinner(predictingWinner);
                if (--ticksLeft == 0) {
                    answer = decoder.total() > 0 ? decoder.decide() : -1;
                    answeredRight = answer == label;
                    network.setLearning(learningBefore);
                    beginTaught();
                }
                return false;
            }
            case LEARNING -> {
                stepEncoded();
                if (learningWinner < 0 && config.outcomeGated()) {
                    learningWinner = firstWinner(learningWinner);
                    spendExcitabilityOnceAnswered();
                }
                if (--ticksLeft == 0) {
                    phase = Phase.MODULATING;
                }
                return false;
            }
            case MODULATING -> {
                deliverModulator(modulator());
                phase = Phase.IDLE;
                return true;
            }
            case CLASSIFYING -> {
                stepEncoded();
                if (--ticksLeft == 0 || decoder.total() > 0) {
                    network.setLearning(learningBefore);
                    phase = Phase.IDLE;
                    return true;
                }
                return false;
            }
            default -> throw new IllegalStateException("no presentation in progress");
        }
    }

    /**
     * Once a feature neuron has won, the layer's excitability is off for the rest of the presentation: a raised gain
     * would otherwise let a second fresh neuron reach threshold later on excitability alone and imprint the same
     * sample.
     */
    private void spendExcitabilityOnceAnswered() {
        if (learningWinner >= 0) {
            features.setExcitabilityGain(0);
        }
    }

    private int firstWinner(int sofar) {
        return sofar >= 0 ? sofar : features.spikes().next(0);
    }

    /** The neuromodulator after a taught presentation (see {@link #beginLearning}). */
    private double modulator() {
        if (!config.outcomeGated() || significance == 0) {
            return significance;
        }
        boolean recruited = learningWinner >= 0 && learningWinner != predictingWinner;
        if (recruited) {
            return config.consolidates() ? Math.max(1.0, significance) : 1.0;
        }
        if (answeredRight) {
            return config.consolidates() ? significance : config.refineRate();
        }
        return 0;
    }

    /** True while a presentation is in progress. */
    public boolean presenting() {
        return phase != Phase.IDLE;
    }

    /**
     * The class an outcome-gated learner answered in its last learning presentation before it was taught, or -1 if
     * no output neuron spiked (always -1 without outcome gating).
     */
    public int answer() {
        return answer;
    }

    /** The class decoded from the output spikes so far (final once a presentation has finished). */
    public int decision() {
        return decoder.decide();
    }

    private void finish() {
        boolean done = false;
        while (!done) {
            done = tick();
        }
    }

    private void present(int[] intensities) {
        if (phase != Phase.IDLE) {
            throw new IllegalStateException("a presentation is already in progress");
        }
        network.resetActivity();
        decoder.reset();
        encoder.load(intensities, network.key(CounterRandom.Stream.ENCODING));
    }

    /** Presents the loaded sample again, spike for spike, so only excitability can change the winner. */
    private void represent() {
        network.resetActivity();
        decoder.reset();
        encoder.rewind();
    }

    private void stepEncoded() {
        encoder.encode(input.spikes());
        network.step();
        decoder.observe();
    }

    private void deliverModulator(double modulator) {
        input.spikes().clear();
        network.setModulator(modulator);
        network.step();
        network.setModulator(0);
        features.setExcitabilityGain(1.0);
    }

    /** Copies feature neuron {@code j}'s raw input weights (Q1.14, one per input) into {@code into}. */
    public void receptiveField(int j, int[] into) {
        var weights = network.projection("input-features");
        for (int i = 0; i < config.inputs(); i++) {
            into[i] = weights.weight(i, j);
        }
    }

    /** The class feature neuron {@code j} votes for (largest readout weight), or -1 if it has learned none. */
    public int featureClass(int j) {
        var readout = network.projection("features-output");
        int best = -1;
        int bestWeight = 0;
        for (int k = 0; k < config.classes(); k++) {
            if (readout.weight(j, k) > bestWeight) {
                best = k;
                bestWeight = readout.weight(j, k);
            }
        }
        return best;
    }

    /** The underlying network (for budgets, counters and inspection). */
    public Network network() {
        return network;
    }

    /** The configuration. */
    public ClassifierConfig config() {
        return config;
    }

    /** Ticks one learning presentation takes (with outcome gating, the answering presentation included). */
    public int ticksPerLearningSample() {
        return (config.outcomeGated() ? 2 : 1) * config.ticksPerSample() + 1;
    }
}
