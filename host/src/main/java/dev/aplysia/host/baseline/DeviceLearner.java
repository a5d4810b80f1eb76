package dev.aplysia.host.baseline;

import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.fixtures.dataset.DigitSet;

/**
 * The device's learner in the budget study: the fixed-point {@link SpikingClassifier} with the most feature neurons
 * that fit the budget, by the core's own accounting ({@code Network.budget()}). A flagged sample is learned with a
 * larger neuromodulator, the significance gain.
 */
public final class DeviceLearner implements DigitLearner {

    private final SpikingClassifier classifier;
    private final int[] pixels = new int[DigitSet.PIXELS];
    private final double significanceGain;

    /**
     * The digits learner sized to {@code budgetBytes} ({@link SpikingClassifier#digitsWithin}); a flagged sample is
     * learned with the modulator at {@code significanceGain}.
     */
    public DeviceLearner(long budgetBytes, long seed, double significanceGain) {
        this.significanceGain = significanceGain;
        this.classifier = new SpikingClassifier(SpikingClassifier.digitsWithin(budgetBytes, seed),
                McuProfile.PI_NATIVE);
    }

    @Override
    public String name() {
        return "device";
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
