package dev.aplysia.host.experiment;

import dev.aplysia.fixtures.dataset.DigitSet;
import dev.aplysia.host.baseline.DigitLearner;
import java.util.ArrayList;
import java.util.List;

/**
 * What one learner measured in one pass: its state bytes, its accuracy at the end, and its learning curve.
 *
 * @param name          the learner ({@link DigitLearner#name()})
 * @param stateBytes    bytes of state, as the learner counts them
 * @param accuracy      accuracy on the scored rows after the pass
 * @param learningCurve accuracy at each {@link LearningCurve} checkpoint
 */
public record LearnerRun(String name, long stateBytes, double accuracy, List<LearningCurve.Point> learningCurve) {

    public LearnerRun {
        learningCurve = List.copyOf(learningCurve);
    }

    /** One pass of {@code learner} over {@code train} in {@code order}, scoring {@code score} at each checkpoint. */
    public static LearnerRun onePass(DigitLearner learner, DigitSet train,
                                     DigitSet score, int[] order) {
        List<LearningCurve.Point> curve = new ArrayList<>();
        for (int n = 0; n < order.length; n++) {
            learner.learn(train, order[n], false);
            if (LearningCurve.isCheckpoint(n + 1, order.length)) {
                curve.add(new LearningCurve.Point(n + 1, accuracy(learner, score)));
            }
        }
        return new LearnerRun(learner.name(), learner.stateBytes(), curve.get(curve.size() - 1).accuracy(), curve);
    }

    /** Fraction of {@code set} that {@code learner} classifies right. */
    public static double accuracy(DigitLearner learner, DigitSet set) {
        int correct = 0;
        for (int row = 0; row < set.size(); row++) {
            correct += learner.classify(set, row) == set.label(row) ? 1 : 0;
        }
        return correct / (double) set.size();
    }
}
