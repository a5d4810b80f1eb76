package dev.aplysia.host.experiment;

import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.fixtures.dataset.DigitSet;
import dev.aplysia.host.baseline.Backprop;
import dev.aplysia.host.baseline.DeviceLearner;
import dev.aplysia.host.baseline.DigitLearner;
import dev.aplysia.host.baseline.NearestClassMean;
import dev.aplysia.host.baseline.NearestNeighbour;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Continual learning where capacity is short: every learner at the state bytes of a device with
 * {@link #FEATURES} feature neurons, learning two tasks one after the other, one pass each.
 * <ul>
 *   <li><b>class-incremental</b>: the digits 0–4, then 5–9;</li>
 *   <li><b>domain-incremental</b>: all ten digits, then all ten mirrored left to right.</li>
 * </ul>
 * Scored: the first task before and after the second, and the second at the end. The device runs with and without
 * per-synapse consolidation (which costs bytes, so the consolidating device has fewer neurons).
 */
public final class ContinualStudy {

    /** Feature neurons of the device that sets the budget. */
    public static final int FEATURES = 40;

    private ContinualStudy() {
    }

    /** The two protocols. */
    public enum Protocol { CLASS_INCREMENTAL, DOMAIN_INCREMENTAL }

    /** What one learner kept. */
    public record Row(String learner, long stateBytes, double firstBefore, double firstAfter, double secondAfter) {
    }

    /** The budget: the state bytes of the device with {@link #FEATURES} feature neurons. */
    public static long budget() {
        return SpikingClassifier.stateBytes(ClassifierConfig.digits(FEATURES, 1));
    }

    /** Every learner at {@link #budget()}, the two devices first. */
    public static List<DigitLearner> learners(long seed) {
        long budget = budget();
        double rate = DigitsByBackprop.ONLINE_LEARNING_RATE;
        return List.of(new DeviceLearner(budget, seed, Significance.GAIN),
                DeviceLearner.consolidating(budget, seed, Significance.GAIN), new NearestNeighbour(budget, seed),
                new NearestClassMean(), Backprop.plain(budget, rate, seed), Backprop.withReplay(budget, rate, seed));
    }

    /** Runs {@code protocol} for every learner at {@code seed} on {@code split}. */
    public static List<Row> run(Protocol protocol, long seed, DigitsSplit split) {
        Task first = protocol == Protocol.CLASS_INCREMENTAL ? Task.of(split, Continual.FIRST_TASK)
                : new Task(split.train(), split.score());
        Task second = protocol == Protocol.CLASS_INCREMENTAL ? Task.of(split, Continual.FIRST_TASK.negate())
                : new Task(split.train().mirrored(), split.score().mirrored());
        return learners(seed).stream().map(learner -> row(learner, first, second, seed)).toList();
    }

    private static Row row(DigitLearner learner, Task first, Task second, long seed) {
        pass(learner, first.train(), seed);
        double before = LearnerRun.accuracy(learner, first.score());
        pass(learner, second.train(), seed + 1);
        return new Row(learner.name(), learner.stateBytes(), before, LearnerRun.accuracy(learner, first.score()),
                LearnerRun.accuracy(learner, second.score()));
    }

    private static void pass(DigitLearner learner, DigitSet set, long seed) {
        for (int row : LearningCurve.shuffledOrder(set.size(), seed)) {
            learner.learn(set, row, false);
        }
    }

    /** One task's rows to learn and to score. */
    private record Task(DigitSet train, DigitSet score) {

        static Task of(DigitsSplit split, IntPredicate classes) {
            return new Task(split.train().filter(classes), split.score().filter(classes));
        }
    }

    /** Summaries over seeds, per learner, of one protocol. */
    public record Summary(String learner, long stateBytes, SeedSummary firstBefore, SeedSummary firstAfter,
                          SeedSummary secondAfter) {
    }

    /** Runs {@code protocol} for every seed, two at a time, and summarises per learner. */
    public static List<Summary> summarise(Protocol protocol, long[] seeds, DigitsSplit split) {
        List<List<Row>> runs = Arrays.stream(seeds).parallel()
                .mapToObj(seed -> run(protocol, seed, split)).toList();
        return IntStream.range(0, runs.get(0).size()).mapToObj(l -> {
            Function<ToDoubleFunction<Row>, SeedSummary> over = figure ->
                    SeedSummary.of(runs.stream().mapToDouble(r -> figure.applyAsDouble(r.get(l))).toArray());
            Row first = runs.get(0).get(l);
            return new Summary(first.learner(), first.stateBytes(), over.apply(Row::firstBefore),
                    over.apply(Row::firstAfter), over.apply(Row::secondAfter));
        }).toList();
    }
}
