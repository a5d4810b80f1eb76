package dev.aplysia.host.experiment;

import dev.aplysia.fixtures.dataset.DigitSet;
import dev.aplysia.host.baseline.DigitLearner;
import java.util.List;

/**
 * The significance protocol at a budget of state bytes, for every learner of the {@link BudgetStudy}: a stream of the
 * other classes with a few samples of the rare class mixed in early, flagged significant; scored at the end on the
 * presented rare samples (recall) and on the rare class's test samples, never seen (generalisation from a few).
 */
public final class FewShotStudy {

    /** Rare samples presented, flagged. */
    public static final int PRESENTATIONS = 5;

    private FewShotStudy() {
    }

    /**
     * What one learner kept of the rare class.
     *
     * @param learner         the learner's name
     * @param recalled        presented rare samples classified right at the end
     * @param presented       rare samples presented
     * @param unseenAccuracy  accuracy on the rare class's scored samples
     */
    public record Row(String learner, int recalled, int presented, double unseenAccuracy) {
    }

    /** Runs the protocol for every learner at {@code budget} and {@code seed}. */
    public static List<Row> run(long budget, long seed, DigitsSplit split) {
        Significance.Stream stream = Significance.stream(split.train(), ComparisonPlan.RARE_CLASS, PRESENTATIONS, true,
                Integer.MAX_VALUE, seed);
        DigitSet rare = split.score().filter(label -> label == ComparisonPlan.RARE_CLASS);
        return BudgetStudy.learners(budget, seed).stream().map(learner -> row(learner, stream, rare)).toList();
    }

    private static Row row(DigitLearner learner, Significance.Stream stream, DigitSet rare) {
        for (Significance.Step step : stream.steps()) {
            learner.learn(stream.train(), step.row(), step.rare() && stream.flagged());
        }
        int recalled = 0;
        for (int row : stream.rareRows()) {
            recalled += learner.classify(stream.train(), row) == stream.rareClass() ? 1 : 0;
        }
        return new Row(learner.name(), recalled, stream.rareRows().length, LearnerRun.accuracy(learner, rare));
    }
}
