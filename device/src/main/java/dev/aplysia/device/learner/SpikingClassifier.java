package dev.aplysia.device.learner;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.Population;
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
    /** Longest classification presentation, in learning presentations. */
    public static final int MAX_CLASSIFY_PRESENTATIONS = 4;

    private final ClassifierConfig config;
    private final Network network;
    private final RateEncoder encoder;
    private final Population input;
    private final Population output;
    private final Population features;
    private final ClassDecoder decoder;
    private Phase phase = Phase.IDLE;
    private int ticksLeft;
    private double significance;
    private boolean learningBefore;

    /** Where a presentation is. */
    private enum Phase { IDLE, LEARNING, MODULATING, CLASSIFYING }

    /** Builds the network for {@code config} and checks it against {@code profile}. */
    public SpikingClassifier(ClassifierConfig config, McuProfile profile) {
        this.config = config;
        this.network = Network.build(spec(config), profile);
        this.encoder = new RateEncoder(config.inputs(), config.normRate(), 1.0);
        this.input = network.population("input");
        this.output = network.population("output");
        this.features = network.population("features");
        this.decoder = new ClassDecoder(output);
    }

    /** The network spec of a classifier. */
    public static NetworkSpec spec(ClassifierConfig c) {
        double drivePerTick = c.normRate() * c.vigilance();
        double threshold = c.crossing() * c.ticksPerSample() * drivePerTick;
        NeuronSpec feature = NeuronSpec.lif(1.0, threshold, 0, c.ticksPerSample() + 1)
                .withExcitability(drivePerTick, drivePerTick);
        NeuronSpec readout = NeuronSpec.lif(1.0, READOUT_THRESHOLD, 0, 0);
        double countStep = 1.0 / (c.normRate() * c.ticksPerSample());
        return NetworkSpec.builder("spiking-classifier-" + c.inputs() + "x" + c.hidden() + "x" + c.classes())
                .population(PopulationSpec.input("input", c.inputs(), TraceSpec.counter(countStep)))
                .population(PopulationSpec.neurons("features", c.hidden(), feature, 1, TraceSpec.latch()))
                .population(PopulationSpec.neurons("output", c.classes(), readout, 1, TraceSpec.latch()))
                .projection(ProjectionSpec.constant("input-features", "input", "features", 0, 1, 0,
                        PlasticityRule.consolidatingInstar(c.featureRate(), c.consolidation(), c.maxConsolidation())))
                .projection(ProjectionSpec.constant("features-output", "features", "output", 0, 1, 0,
                        PlasticityRule.outstar(c.readoutRate())))
                .seed(c.seed())
                .build();
    }

    /**
     * Presents one sample with its class and learns from it; {@code significance} is the neuromodulator delivered
     * after the presentation (1 = a normal teaching event, 0 = present without learning, larger = more significant).
     * A significant sample is also presented with the feature layer's excitability raised by the same factor, so it
     * recruits a fresh feature neuron of its own rather than refining a similar one, and is consolidated harder.
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
     * teacher driving the true class, then one tick with the neuromodulator at {@code significance}.
     */
    public void beginLearning(int[] intensities, int label, double significance) {
        if (label < 0 || label >= config.classes()) {
            throw new IllegalArgumentException("label " + label + " outside 0.." + (config.classes() - 1));
        }
        present(intensities);
        output.inject(label, TEACHER_CURRENT);
        features.setExcitabilityGain(Math.max(1.0, significance));
        this.significance = significance;
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
            case LEARNING -> {
                stepEncoded();
                if (--ticksLeft == 0) {
                    phase = Phase.MODULATING;
                }
                return false;
            }
            case MODULATING -> {
                deliverModulator();
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

    /** True while a presentation is in progress. */
    public boolean presenting() {
        return phase != Phase.IDLE;
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
        encoder.load(intensities, network.prng());
    }

    private void stepEncoded() {
        encoder.encode(input.spikes());
        network.step();
        decoder.observe();
    }

    private void deliverModulator() {
        input.spikes().clear();
        network.setModulator(significance);
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

    /** Ticks one learning presentation takes. */
    public int ticksPerLearningSample() {
        return config.ticksPerSample() + 1;
    }
}
