package dev.aplysia.host.experiment;

import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.fixtures.dataset.DigitSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The on-device digits protocol: one seeded shuffled pass over the optdigits training set, learning online with
 * local rules only, then classification of the whole test set with learning frozen; the test set is also scored at
 * each learning-curve checkpoint.
 */
public final class DigitsOnDevice {

    private DigitsOnDevice() {
    }

    /** What one run measured. */
    public record Result(double accuracy, int trainSamples, int testSamples, long stateBytes, String profile,
                         boolean fitsProfile, long budgetBytes, double opsPerTick, int ticksPerSample, long wallMs,
                         List<LearningCurve.Point> learningCurve, long seed, int hidden) {
    }

    /**
     * Runs the protocol.
     *
     * @param progress receives one human-readable line per checkpoint
     */
    public static Result run(ClassifierConfig config, McuProfile profile, DigitSet train, DigitSet test,
                             Consumer<String> progress) {
        long start = System.nanoTime();
        SpikingClassifier classifier = new SpikingClassifier(config, profile);
        int[] order = LearningCurve.shuffledOrder(train.size(), config.seed());
        List<LearningCurve.Point> curve = new ArrayList<>();
        int[] pixels = new int[DigitSet.PIXELS];
        for (int n = 0; n < order.length; n++) {
            copy(train, order[n], pixels);
            classifier.learn(pixels, train.label(order[n]), 1.0);
            if (LearningCurve.isCheckpoint(n + 1, order.length)) {
                double accuracy = accuracy(classifier, test);
                curve.add(new LearningCurve.Point(n + 1, accuracy));
                progress.accept(String.format("digits: %d/%d samples learned, test accuracy %.4f", n + 1,
                        order.length, accuracy));
            }
        }
        double opsPerTick = classifier.network().counters().perTick();
        var budget = classifier.network().budget();
        return new Result(curve.get(curve.size() - 1).accuracy(), train.size(), test.size(), budget.totalBytes(),
                profile.id(), budget.fits(), budget.budgetBytes(), opsPerTick,
                classifier.ticksPerLearningSample(),
                (System.nanoTime() - start) / 1_000_000, curve, config.seed(), config.hidden());
    }

    /** Fraction of {@code set} the classifier gets right, learning frozen. */
    public static double accuracy(SpikingClassifier classifier, DigitSet set) {
        int[] pixels = new int[DigitSet.PIXELS];
        int correct = 0;
        for (int i = 0; i < set.size(); i++) {
            copy(set, i, pixels);
            if (classifier.classify(pixels) == set.label(i)) {
                correct++;
            }
        }
        return correct / (double) set.size();
    }

    private static void copy(DigitSet set, int row, int[] pixels) {
        for (int p = 0; p < DigitSet.PIXELS; p++) {
            pixels[p] = set.pixel(row, p);
        }
    }
}
