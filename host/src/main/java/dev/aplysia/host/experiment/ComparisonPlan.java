package dev.aplysia.host.experiment;

import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.fixtures.dataset.DigitSet;

/**
 * The sizes and constants of one comparison, derived from three settings so that the device and the host, given the
 * same settings, run exactly the same protocol on the same samples.
 *
 * @param seed   seed of both learners and every presentation order
 * @param hidden hidden size of both learners
 * @param quick  a first look in under a minute: fewer samples, fewer presentation counts, fewer epochs
 */
public record ComparisonPlan(long seed, int hidden, boolean quick) {

    /** The rare class of the significance protocol: the last one, chosen before any result was seen. */
    public static final int RARE_CLASS = 9;

    public ComparisonPlan {
        if (hidden < 1 || hidden > 65535) {
            throw new IllegalArgumentException("hidden must be in 1..65535, got " + hidden);
        }
    }

    /** Training samples of the learning curve and the continual-learning tasks. */
    public DigitSet train(DigitSet all) {
        return quick ? all.head(1000) : all;
    }

    /** Test samples scored. */
    public DigitSet test(DigitSet all) {
        return quick ? all.head(500) : all;
    }

    /** Background samples of the significance stream. */
    public int significanceBackground() {
        return quick ? 1000 : Integer.MAX_VALUE;
    }

    /** Rare-sample counts of the significance protocol. */
    public int[] presentations() {
        return quick ? new int[] {1, 3} : new int[] {1, 2, 3, 5};
    }

    /** Epochs of the backprop "trained offline" reference. */
    public int offlineEpochs() {
        return quick ? 3 : 10;
    }

    /** The device's classifier: the digits defaults at this size and seed. */
    public ClassifierConfig classifier() {
        return ClassifierConfig.digits(hidden, seed);
    }

    /**
     * The device's classifier with per-synapse consolidation ({@link ClassifierConfig#withConsolidation()}): the other
     * arm of the continual-learning experiment, otherwise the same learner.
     */
    public ClassifierConfig classifierWithConsolidation() {
        return classifier().withConsolidation();
    }
}
