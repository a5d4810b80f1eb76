package dev.aplysia.host.experiment;

import dev.aplysia.device.core.OpCounters;
import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.fixtures.dataset.DigitSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * The device's side of the digits experiments, on the fixed-point core: a learning curve (one seeded shuffled pass
 * over the training set, learning online with local rules only, the test set scored with learning frozen at each
 * checkpoint), class-incremental learning, and significance.
 */
public final class DigitsOnDevice {

    private DigitsOnDevice() {
    }

    /** Receives each learning-curve point as soon as it is measured. */
    @FunctionalInterface
    public interface Checkpoints {
        void reached(LearningCurve.Point point, int of);
    }

    /**
     * What one learning-curve run measured.
     *
     * @param opsPerLearningStep core operations (synaptic events, neuron and synapse updates) per learned sample
     * @param microsPerSample    wall time per learned sample on this machine
     * @param confusion          the test set's decisions at the last checkpoint, the end of the pass
     */
    public record Result(double accuracy, int trainSamples, int testSamples, long stateBytes, String profile,
                         boolean fitsProfile, long budgetBytes, double opsPerTick, int ticksPerSample,
                         long opsPerLearningStep, double microsPerSample, long wallMs,
                         List<LearningCurve.Point> learningCurve, ConfusionMatrix confusion, long seed, int hidden) {
    }

    /** Runs the learning curve; the classifier is returned through {@code trained} for inspection. */
    public static Result learningCurve(ClassifierConfig config, McuProfile profile, DigitSet train, DigitSet test,
                                       Checkpoints checkpoints, Consumer<SpikingClassifier> trained) {
        return learningCurve(new SpikingClassifier(config, profile), profile, train, test, checkpoints, trained);
    }

    /**
     * Runs the learning curve on {@code classifier}, new and built for {@code profile}, so that the caller can watch
     * its core while it runs; it is returned through {@code trained} for inspection.
     */
    public static Result learningCurve(SpikingClassifier classifier, McuProfile profile, DigitSet train,
                                       DigitSet test, Checkpoints checkpoints, Consumer<SpikingClassifier> trained) {
        long start = System.nanoTime();
        ClassifierConfig config = classifier.config();
        int[] order = LearningCurve.shuffledOrder(train.size(), config.seed());
        List<LearningCurve.Point> curve = new ArrayList<>();
        int[] pixels = new int[DigitSet.PIXELS];
        OpCounters ops = classifier.network().counters();
        long learnOps = 0;
        long learnNanos = 0;
        ConfusionMatrix confusion = null;
        for (int n = 0; n < order.length; n++) {
            copy(train, order[n], pixels);
            long before = ops.total();
            long t0 = System.nanoTime();
            classifier.learn(pixels, train.label(order[n]), 1.0);
            learnNanos += System.nanoTime() - t0;
            learnOps += ops.total() - before;
            if (LearningCurve.isCheckpoint(n + 1, order.length)) {
                confusion = confusion(classifier, test);
                LearningCurve.Point point = new LearningCurve.Point(n + 1, confusion.accuracy());
                curve.add(point);
                checkpoints.reached(point, order.length);
            }
        }
        trained.accept(classifier);
        var budget = classifier.network().budget();
        return new Result(curve.get(curve.size() - 1).accuracy(), train.size(), test.size(), budget.totalBytes(),
                profile.id(), budget.fits(), budget.budgetBytes(), ops.perTick(), classifier.ticksPerLearningSample(),
                learnOps / order.length, learnNanos / 1000.0 / order.length, (System.nanoTime() - start) / 1_000_000,
                curve, confusion, config.seed(), config.hidden());
    }

    /**
     * Class-incremental learning: one shuffled pass over the digits 0-4, then one over 5-9; the first task is scored
     * before and after the second.
     */
    public static ComparisonReport.ContinualRow continual(String learner, SpikingClassifier classifier,
                                                          DigitSet train, DigitSet test) {
        IntPredicate first = Continual.FIRST_TASK;
        ClassifierConfig config = classifier.config();
        pass(classifier, train.filter(first), config.seed());
        double before = accuracy(classifier, test.filter(first));
        pass(classifier, train.filter(first.negate()), config.seed() + 1);
        return new ComparisonReport.ContinualRow(learner, before, accuracy(classifier, test.filter(first)),
                accuracy(classifier, test.filter(first.negate())));
    }

    /** The significance protocol for one presentation count, flagged or not, on {@code classifier}, a new one. */
    public static ComparisonReport.SignificanceRow significance(SpikingClassifier classifier,
                                                                Significance.Stream stream, DigitSet test) {
        int[] pixels = new int[DigitSet.PIXELS];
        DigitSet train = stream.train();
        for (Significance.Step step : stream.steps()) {
            copy(train, step.row(), pixels);
            classifier.learn(pixels, train.label(step.row()), stream.modulator(step));
        }
        int recalled = 0;
        for (int row : stream.rareRows()) {
            copy(train, row, pixels);
            recalled += classifier.classify(pixels) == stream.rareClass() ? 1 : 0;
        }
        return new ComparisonReport.SignificanceRow("device", stream.rareClass(), stream.rareRows().length,
                stream.flagged(), recalled, accuracy(classifier, test.filter(label -> label == stream.rareClass())));
    }

    private static void pass(SpikingClassifier classifier, DigitSet set, long seed) {
        int[] pixels = new int[DigitSet.PIXELS];
        for (int row : LearningCurve.shuffledOrder(set.size(), seed)) {
            copy(set, row, pixels);
            classifier.learn(pixels, set.label(row), 1.0);
        }
    }

    /** Fraction of {@code set} the classifier gets right, learning frozen. */
    public static double accuracy(SpikingClassifier classifier, DigitSet set) {
        return confusion(classifier, set).accuracy();
    }

    /** The classifier's decision on every sample of {@code set} against its label, learning frozen. */
    public static ConfusionMatrix confusion(SpikingClassifier classifier, DigitSet set) {
        int[] pixels = new int[DigitSet.PIXELS];
        return ConfusionMatrix.tally(classifier.config().classes(), set.size(), set::label, i -> {
            copy(set, i, pixels);
            return classifier.classify(pixels);
        });
    }

    private static void copy(DigitSet set, int row, int[] pixels) {
        for (int p = 0; p < DigitSet.PIXELS; p++) {
            pixels[p] = set.pixel(row, p);
        }
    }
}
