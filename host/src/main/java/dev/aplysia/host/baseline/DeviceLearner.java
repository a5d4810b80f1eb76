package dev.aplysia.host.baseline;

import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.fixtures.dataset.DigitSet;

/**
 * The device's learner in the budget study: the fixed-point {@link SpikingClassifier} with the most feature neurons
 * that fit the budget, by the core's own accounting ({@code Network.budget()}). A flagged sample is learned with a
 * larger neuromodulator, the significance gain.
 */
public final class DeviceLearner implements DigitLearner {

    private final String name;
    private final SpikingClassifier classifier;
    private final int[] pixels = new int[DigitSet.PIXELS];
    private final double significanceGain;

    private DeviceLearner(String name, ClassifierConfig config, double significanceGain) {
        this.name = name;
        this.significanceGain = significanceGain;
        this.classifier = new SpikingClassifier(config, McuProfile.PI_NATIVE);
    }

    /**
     * The digits learner sized to {@code budgetBytes} ({@link SpikingClassifier#digitsWithin}); a flagged sample is
     * learned with the modulator at {@code significanceGain}.
     */
    public DeviceLearner(long budgetBytes, long seed, double significanceGain) {
        this("device", SpikingClassifier.digitsWithin(budgetBytes, seed), significanceGain);
    }

    /**
     * The digits learner with per-synapse consolidation ({@link ClassifierConfig#withConsolidation()}), sized to the
     * same budget: its consolidation levels take bytes, so it has fewer feature neurons.
     */
    public static DeviceLearner consolidating(long budgetBytes, long seed, double significanceGain) {
        ClassifierConfig shape = ClassifierConfig.digits(1, seed).withConsolidation();
        int hidden = SpikingClassifier.hiddenFor(shape, budgetBytes);
        return new DeviceLearner("device-consolidating",
                ClassifierConfig.digits(hidden, seed).withConsolidation(),
                significanceGain);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void learn(DigitSet set, int row, boolean flagged) {
        copy(set, row);
        classifier.learn(pixels, set.label(row), flagged ? significanceGain : 1.0);
    }

    @Override
    public int classify(DigitSet set, int row) {
        copy(set, row);
        return classifier.classify(pixels);
    }

    @Override
    public long stateBytes() {
        return classifier.network().budget().totalBytes();
    }

    /** Feature neurons. */
    public int hidden() {
        return classifier.config().hidden();
    }

    private void copy(DigitSet set, int row) {
        for (int p = 0; p < DigitSet.PIXELS; p++) {
            pixels[p] = set.pixel(row, p);
        }
    }
}
