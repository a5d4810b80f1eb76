package dev.aplysia.host.experiment;

import dev.aplysia.device.fixed.Prng;
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

    /** Training samples after which the test set is scored (the last is the whole set). */
    public static final int[] CHECKPOINTS = {10, 20, 50, 100, 200, 500, 1000};

    /** Salt separating the presentation order's PRNG stream from the network's. */
    private static final long ORDER_SALT = 0x6F72646572L;

    private DigitsOnDevice() {
    }

    /** One point of a learning curve. */
    public record CurvePoint(int samples, double accuracy) {
    }

    /** What one run measured. */
    public record Result(double accuracy, int trainSamples, int testSamples, long stateBytes, String profile,
                         boolean fitsProfile, long budgetBytes, double opsPerTick, int ticksPerSample, long wallMs,
                         List<CurvePoint> learningCurve, long seed, int hidden) {
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
        int[] order = shuffledOrder(train.size(), config.seed());
        List<Integer> checkpoints = checkpoints(train.size());
        List<CurvePoint> curve = new ArrayList<>();
        int[] pixels = new int[DigitSet.PIXELS];
        for (int n = 0; n < order.length; n++) {
            copy(train, order[n], pixels);
            classifier.learn(pixels, train.label(order[n]), 1.0);
            if (checkpoints.contains(n + 1)) {
                double accuracy = accuracy(classifier, test);
                curve.add(new CurvePoint(n + 1, accuracy));
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

    private static List<Integer> checkpoints(int trainSize) {
        List<Integer> points = new ArrayList<>();
        for (int c : CHECKPOINTS) {
            if (c < trainSize) {
                points.add(c);
            }
        }
        points.add(trainSize);
        return points;
    }

    /** A Fisher-Yates shuffle of {@code 0..n-1} from the device PRNG, reproducible from the seed on any JVM. */
    static int[] shuffledOrder(int n, long seed) {
        Prng prng = new Prng(seed ^ ORDER_SALT);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) (((prng.nextInt() & 0xFFFFFFFFL) * (i + 1)) >>> 32);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
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
