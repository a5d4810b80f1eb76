package dev.aplysia.host.experiment;

import dev.aplysia.fixtures.dataset.DigitSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import dev.aplysia.host.backprop.Mlp;
import dev.aplysia.host.backprop.SgdTrainer;

/**
 * The backprop side of the digits comparison: the same online protocol and learning-curve checkpoints as
 * {@link DigitsOnDevice}, a multi-epoch "trained offline" reference, and the class-incremental forgetting probe.
 *
 * <p>Inputs are the 64 pixels scaled to [0, 1] ({@code pixel / 16}); outputs are the 10 digit classes. The learning
 * rates were picked on a validation split of the training set (the last 823 of a seeded shuffle of the 3823), never
 * on the test set.
 */
public final class DigitsByBackprop {

    /**
     * Constant per-sample rate of the online pass. On the validation split (mean of 10 seeds) the best single-pass
     * rates were 0.02–0.03 at 64 hidden and 0.05 at 400; 0.03 is within 0.002 of the best at both widths.
     */
    public static final double ONLINE_LEARNING_RATE = 0.03;
    /**
     * Initial per-sample rate of multi-epoch training: with {@link #OFFLINE_DECAY} the best of 0.02, 0.05 and 0.1 at
     * 10 epochs on the validation split.
     */
    public static final double OFFLINE_LEARNING_RATE = 0.05;
    /**
     * Per-epoch decay of the multi-epoch rate, {@code η_e = η₀ / (1 + decay · e)}: damps the epoch-to-epoch swings a
     * constant 0.05 shows; the best of 0, 0.1, 0.2 and 0.5 at 10 epochs on the validation split.
     */
    public static final double OFFLINE_DECAY = 0.2;

    private DigitsByBackprop() {
    }

    /** How much of the first task plain SGD keeps after learning a second, on test images of each task. */
    public record Forgetting(double firstTaskBefore, double firstTaskAfter, double secondTaskAfter) {
    }

    /** A fresh 64-{@code hidden}-10 network trained at {@link #ONLINE_LEARNING_RATE}, constant. */
    public static SgdTrainer onlineTrainer(int hidden, long seed) {
        return new SgdTrainer(network(hidden, seed), ONLINE_LEARNING_RATE, 0);
    }

    /** A fresh 64-{@code hidden}-10 network trained at {@link #OFFLINE_LEARNING_RATE} with {@link #OFFLINE_DECAY}. */
    public static SgdTrainer offlineTrainer(int hidden, long seed) {
        return new SgdTrainer(network(hidden, seed), OFFLINE_LEARNING_RATE, OFFLINE_DECAY);
    }

    /**
     * One online pass over {@code train} in {@code order} (indices into {@code train}), each image seen once; the
     * test set is scored after each of the {@link LearningCurve} checkpoints below {@code order.length} and at the end.
     */
    public static List<LearningCurve.Point> onlinePass(SgdTrainer trainer, DigitSet train, DigitSet test, int[] order) {
        double[][] trainInputs = inputs(train);
        double[][] testInputs = inputs(test);
        int[] testLabels = labels(test);
        List<LearningCurve.Point> curve = new ArrayList<>();
        for (int n = 0; n < order.length; n++) {
            trainer.learn(trainInputs[order[n]], train.label(order[n]));
            if (LearningCurve.isCheckpoint(n + 1, order.length)) {
                curve.add(new LearningCurve.Point(n + 1, accuracy(trainer.network(), testInputs, testLabels)));
            }
        }
        return curve;
    }

    /** Trains {@code epochs} shuffled passes over {@code train}; returns the accuracy on {@code test}. */
    public static double offline(SgdTrainer trainer, DigitSet train, DigitSet test, int epochs, long shuffleSeed) {
        train(trainer, train, epochs, shuffleSeed);
        return accuracy(trainer.network(), test);
    }

    /**
     * Class-incremental learning: {@code passes} shuffled passes over the digits 0–4 of {@code train}, then
     * {@code passes} over the digits 5–9 only; the first task is scored on the test digits 0–4 before and after the
     * second, the second task on the test digits 5–9.
     */
    public static Forgetting classIncremental(SgdTrainer trainer, DigitSet train, DigitSet test, int passes,
                                              long shuffleSeed) {
        IntPredicate first = Continual.FIRST_TASK;
        IntPredicate second = first.negate();
        train(trainer, train.filter(first), passes, shuffleSeed);
        double before = accuracy(trainer.network(), test.filter(first));
        train(trainer, train.filter(second), passes, shuffleSeed + 1);
        return new Forgetting(before, accuracy(trainer.network(), test.filter(first)),
                accuracy(trainer.network(), test.filter(second)));
    }

    /**
     * The significance protocol: the stream learned online, a flagged rare sample at the learning rate times its
     * modulator (the backprop analogue of a significance signal: importance weighting).
     */
    public static ComparisonReport.SignificanceRow significance(SgdTrainer trainer, Significance.Stream stream,
                                                                DigitSet test) {
        double[][] inputs = inputs(stream.train());
        for (Significance.Step step : stream.steps()) {
            trainer.network().step(inputs[step.row()], stream.train().label(step.row()),
                    trainer.learningRate() * stream.modulator(step));
        }
        int recalled = 0;
        for (int row : stream.rareRows()) {
            recalled += trainer.network().predict(inputs[row]) == stream.rareClass() ? 1 : 0;
        }
        return new ComparisonReport.SignificanceRow("backprop", stream.rareClass(), stream.rareRows().length,
                stream.flagged(), recalled, accuracy(trainer.network(), test.filter(l -> l == stream.rareClass())));
    }

    /** Wall time of one online learning step, averaged over one pass over {@code train} with a fresh network. */
    public static double microsPerLearningStep(int hidden, long seed, DigitSet train) {
        SgdTrainer trainer = onlineTrainer(hidden, seed);
        double[][] inputs = inputs(train);
        long start = System.nanoTime();
        for (int i = 0; i < inputs.length; i++) {
            trainer.learn(inputs[i], train.label(i));
        }
        return (System.nanoTime() - start) / 1000.0 / inputs.length;
    }

    /** Fraction of {@code set} the network classifies correctly. */
    public static double accuracy(Mlp network, DigitSet set) {
        return accuracy(network, inputs(set), labels(set));
    }

    /** Fraction of samples whose predicted class equals the label. */
    public static double accuracy(Mlp network, double[][] inputs, int[] labels) {
        return confusion(network, inputs, labels).accuracy();
    }

    /** The network's prediction for every sample of {@code set} against its label. */
    public static ConfusionMatrix confusion(Mlp network, DigitSet set) {
        return confusion(network, inputs(set), labels(set));
    }

    /** The network's prediction for every sample against its label ({@code inputs} and {@code labels} pair up). */
    public static ConfusionMatrix confusion(Mlp network, double[][] inputs, int[] labels) {
        if (inputs.length != labels.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + labels.length + " labels");
        }
        return ConfusionMatrix.tally(network.outputs(), inputs.length, i -> labels[i],
                i -> network.predict(inputs[i]));
    }

    /** Every image as 64 features {@code pixel / 16} in [0, 1], row-major. */
    public static double[][] inputs(DigitSet set) {
        double[][] inputs = new double[set.size()][DigitSet.PIXELS];
        for (int i = 0; i < set.size(); i++) {
            for (int p = 0; p < DigitSet.PIXELS; p++) {
                inputs[i][p] = set.pixel(i, p) / (double) DigitSet.MAX_PIXEL;
            }
        }
        return inputs;
    }

    /** Every image's label, 0..9. */
    public static int[] labels(DigitSet set) {
        int[] labels = new int[set.size()];
        for (int i = 0; i < set.size(); i++) {
            labels[i] = set.label(i);
        }
        return labels;
    }

    private static void train(SgdTrainer trainer, DigitSet set, int epochs, long shuffleSeed) {
        trainer.trainEpochs(inputs(set), labels(set), epochs, shuffleSeed);
    }

    private static Mlp network(int hidden, long seed) {
        return new Mlp(DigitSet.PIXELS, hidden, DigitSet.CLASSES, seed);
    }

}
