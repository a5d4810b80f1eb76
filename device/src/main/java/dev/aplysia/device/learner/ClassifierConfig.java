package dev.aplysia.device.learner;

import dev.aplysia.device.fixed.Overflow;
import dev.aplysia.device.fixed.QFormat;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.ProjectionSpec;
import java.util.Objects;

/**
 * The shape and constants of a {@link SpikingClassifier}.
 *
 * @param inputs         input channels (intensities, e.g. 64 pixels)
 * @param hidden         feature neurons in the competitive layer
 * @param classes        output neurons, one per class
 * @param ticksPerSample ticks a sample is presented for (one more tick delivers the learning signal)
 * @param normRate       L2 norm of the input rate vector, spikes per tick
 * @param vigilance      cosine match below which a fresh feature neuron is recruited instead of an old one, (0, 1)
 * @param crossing       fraction of the presentation after which a neuron matching at the vigilance level fires
 * @param featureRate    instar learning rate of the feature layer (1 = the first match imprints the sample)
 * @param consolidation  fraction of the remaining plasticity each learning event consolidates, [0, 1]; 0 = the
 *                       feature synapses carry no consolidation state (the modulator's size sets the rate instead)
 * @param maxConsolidation the plasticity floor is {@code 1 - maxConsolidation}
 * @param readoutRate    outstar learning rate of the readout, (0, 1]
 * @param seed           seed of the network's random streams (initial weights, encoder phases, rounding)
 * @param storage        the widths the state is held in
 * @param outcomeGated   each sample is first classified; a wrong answer recruits a fresh neuron, and a wrong winner
 *                       that no fresh neuron displaces is left as it is (see {@link SpikingClassifier})
 * @param refineRate     without consolidation, the modulator (so the rate) of a refinement of an old winner, (0, 1]
 */
public record ClassifierConfig(int inputs, int hidden, int classes, int ticksPerSample, double normRate,
                               double vigilance, double crossing, double featureRate, double consolidation,
                               double maxConsolidation, double readoutRate, long seed, Storage storage,
                               boolean outcomeGated, double refineRate) {

    public ClassifierConfig {
        if (inputs < 1 || hidden < 1 || classes < 2) {
            throw new IllegalArgumentException("need inputs >= 1, hidden >= 1, classes >= 2");
        }
        if (ticksPerSample < 4 || ticksPerSample > 1000) {
            throw new IllegalArgumentException("ticksPerSample must be in 4..1000, got " + ticksPerSample);
        }
        if (!(vigilance > 0 && vigilance < 1) || !(crossing > 0 && crossing < 1)) {
            throw new IllegalArgumentException("vigilance and crossing must be in (0, 1)");
        }
        if (!(refineRate > 0 && refineRate <= 1)) {
            throw new IllegalArgumentException("refineRate must be in (0, 1], got " + refineRate);
        }
        Objects.requireNonNull(storage, "storage");
    }

    /** A taught classifier at full precision (no outcome gating), as the robot firmware uses. */
    public ClassifierConfig(int inputs, int hidden, int classes, int ticksPerSample, double normRate, double vigilance,
                            double crossing, double featureRate, double consolidation, double maxConsolidation,
                            double readoutRate, long seed) {
        this(inputs, hidden, classes, ticksPerSample, normRate, vigilance, crossing, featureRate, consolidation,
                maxConsolidation, readoutRate, seed, Storage.FULL, false, 1);
    }

    /** Scale of the digits learner's vigilance: {@code 1 - VIGILANCE_SCALE / sqrt(hidden)}. */
    public static final double VIGILANCE_SCALE = 1.6;
    /** The digits learner's highest vigilance. */
    public static final double MAX_VIGILANCE = 0.985;

    /**
     * The digits learner: 8x8 digits, 10 classes, compact storage, outcome-gated, no consolidation state. Its
     * vigilance grows with the layer, {@link #vigilanceFor}, so a larger budget is spent on finer prototypes instead
     * of lying unused. Constants were chosen on a validation split of the training set (docs/learning-digits.md).
     */
    public static ClassifierConfig digits(int hidden, long seed) {
        return new ClassifierConfig(64, hidden, 10, 32, 2.0, vigilanceFor(hidden), 0.7, 1.0, 0, 0, 0.5, seed,
                Storage.COMPACT, true, 0.25);
    }

    /**
     * The digits learner's vigilance for {@code hidden} feature neurons: {@code min(0.985, 1 - 1.6 / sqrt(hidden))},
     * 0.908 at 300 neurons, 0.935 at 600, 0.967 at 2400; at least 0.01.
     */
    public static double vigilanceFor(int hidden) {
        return Math.max(0.01, Math.min(MAX_VIGILANCE, 1 - VIGILANCE_SCALE / Math.sqrt(hidden)));
    }

    /** This config with another seed. */
    public ClassifierConfig withSeed(long value) {
        return new ClassifierConfig(inputs, hidden, classes, ticksPerSample, normRate, vigilance, crossing,
                featureRate, consolidation, maxConsolidation, readoutRate, value, storage, outcomeGated, refineRate);
    }

    /** This config with {@code size} feature neurons (other constants, the vigilance included, unchanged). */
    public ClassifierConfig withHidden(int size) {
        return new ClassifierConfig(inputs, size, classes, ticksPerSample, normRate, vigilance, crossing,
                featureRate, consolidation, maxConsolidation, readoutRate, seed, storage, outcomeGated, refineRate);
    }

    /**
     * This config with per-synapse consolidation: each learning event consolidates {@code fraction} of the remaining
     * plasticity, up to {@code max} (0, 0: none).
     */
    public ClassifierConfig withConsolidation(double fraction, double max) {
        return new ClassifierConfig(inputs, hidden, classes, ticksPerSample, normRate, vigilance, crossing,
                featureRate, fraction, max, readoutRate, seed, storage, outcomeGated, refineRate);
    }

    /**
     * This config with the per-synapse consolidation the taught learner used: half of the remaining plasticity per
     * learning event, up to 0.75.
     */
    public ClassifierConfig withConsolidation() {
        return withConsolidation(0.5, 0.75);
    }

    /** True if the feature synapses carry consolidation state. */
    public boolean consolidates() {
        return consolidation > 0;
    }

    /**
     * The widths a classifier's state is held in: its feature and readout weights (fraction bits and upper bound;
     * weights are non-negative) and the neurons' membrane format.
     *
     * @param featureFraction fraction bits of a feature weight
     * @param featureMax      largest feature weight (a normalised input intensity rarely exceeds 0.45)
     * @param readoutFraction fraction bits of a readout weight
     * @param readoutMax      largest readout weight
     * @param membrane        membrane format of the feature and class neurons
     */
    public record Storage(int featureFraction, double featureMax, int readoutFraction, double readoutMax,
                          QFormat membrane) {

        /** Q1.14 weights in shorts and 24-bit membranes: the core's defaults. */
        public static final Storage FULL = new Storage(ProjectionSpec.WEIGHT.fraction(), 1,
                ProjectionSpec.WEIGHT.fraction(), 1, NeuronSpec.MEMBRANE);

        /**
         * 4-bit feature weights (steps of 1/32 up to 15/32), 4-bit readout weights (steps of 1/16 up to 15/16) and a
         * Q6.9 membrane in 16 bits: what optdigits needs, chosen on the validation split.
         */
        public static final Storage COMPACT = new Storage(5, 15 / 32.0, 4, 15 / 16.0,
                new QFormat("membrane", 16, 9, Overflow.SATURATE));
    }
}
