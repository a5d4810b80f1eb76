package dev.aplysia.device.learner;

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
 * @param consolidation  fraction of the remaining plasticity each learning event consolidates, [0, 1]
 * @param maxConsolidation the plasticity floor is {@code 1 - maxConsolidation}
 * @param readoutRate    outstar learning rate of the readout, (0, 1]
 * @param seed           seed of the network's PRNG (initial state and encoder phases)
 */
public record ClassifierConfig(int inputs, int hidden, int classes, int ticksPerSample, double normRate,
                               double vigilance, double crossing, double featureRate, double consolidation,
                               double maxConsolidation, double readoutRate, long seed) {

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
    }

    /** Defaults tuned on nothing but the training stream's shape: 8x8 digits, 10 classes. */
    public static ClassifierConfig digits(int hidden, long seed) {
        return new ClassifierConfig(64, hidden, 10, 32, 2.0, 0.9, 0.7, 1.0, 0.5, 0.75, 0.5, seed);
    }

    /** This config with another seed. */
    public ClassifierConfig withSeed(long value) {
        return new ClassifierConfig(inputs, hidden, classes, ticksPerSample, normRate, vigilance, crossing,
                featureRate, consolidation, maxConsolidation, readoutRate, value);
    }
}
