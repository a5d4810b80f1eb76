package dev.aplysia.host.experiment;

import dev.aplysia.host.baseline.Backprop;
import dev.aplysia.host.baseline.DeviceLearner;
import dev.aplysia.host.baseline.DigitLearner;
import dev.aplysia.host.baseline.NearestClassMean;
import dev.aplysia.host.baseline.NearestNeighbour;
import java.util.List;

/**
 * Accuracy against state bytes: the device and every digits baseline, each sized to the same budget of state bytes,
 * learn one pass over the same rows in the same seeded order and are scored on the same rows.
 */
public final class BudgetStudy {

    /** The budgets of the report: 8, 16, 32, 64 and 128 KiB. */
    public static final long[] BUDGETS = {8 << 10, 16 << 10, 32 << 10, 64 << 10, 128 << 10};

    private BudgetStudy() {
    }

    /** The result of one budget and seed, in the shape {@code host baselines --json} prints. */
    public record Result(long budget, long seed, String split, List<LearnerRun> learners) {
    }

    /** The learners of a study at {@code budget} bytes, the device first. */
    public static List<DigitLearner> learners(long budget, long seed) {
        double rate = DigitsByBackprop.ONLINE_LEARNING_RATE;
        return List.of(new DeviceLearner(budget, seed, Significance.GAIN),
                new NearestNeighbour(budget, seed), new NearestClassMean(), Backprop.plain(budget, rate, seed),
                Backprop.withReplay(budget, rate, seed));
    }

    /** Runs every learner at {@code budget} and {@code seed} on {@code split}. */
    public static Result run(long budget, long seed, DigitsSplit split) {
        int[] order = LearningCurve.shuffledOrder(split.train().size(), seed);
        List<LearnerRun> runs = learners(budget, seed).stream()
                .map(learner -> LearnerRun.onePass(learner, split.train(), split.score(), order)).toList();
        return new Result(budget, seed, split.name(), runs);
    }
}
