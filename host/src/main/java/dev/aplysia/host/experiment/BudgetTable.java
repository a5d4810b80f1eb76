package dev.aplysia.host.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The budget study over held-out seeds: at each budget, every learner's one-pass accuracy summarised over the seeds,
 * and in how many seeds the device scored at least as well as 1-NN.
 */
public final class BudgetTable {

    private BudgetTable() {
    }

    /** One budget's row for one learner. */
    public record Cell(long budget, String learner, long stateBytes, SeedSummary accuracy) {
    }

    /** The whole table, budgets in order, learners in study order. */
    public record Table(String split, long[] seeds, List<Cell> cells, Map<Long, Integer> deviceAtLeast1nn) {
    }

    /** Runs {@link BudgetStudy#run} for every budget and seed, two at a time, reporting each finished run. */
    public static Table run(long[] budgets, long[] seeds, DigitsSplit split, Consumer<String> progress) {
        List<Cell> cells = new ArrayList<>();
        Map<Long, Integer> wins = new LinkedHashMap<>();
        for (long budget : budgets) {
            List<BudgetStudy.Result> results = IntStream.range(0, seeds.length).parallel()
                    .mapToObj(k -> BudgetStudy.run(budget, seeds[k], split)).toList();
            progress.accept(String.format("claims: budget %,d bytes done over %d seeds", budget, seeds.length));
            int learners = results.get(0).learners().size();
            for (int l = 0; l < learners; l++) {
                int index = l;
                double[] accuracy = results.stream().mapToDouble(r -> r.learners().get(index).accuracy()).toArray();
                LearnerRun first = results.get(0).learners().get(l);
                cells.add(new Cell(budget, first.name(), first.stateBytes(), SeedSummary.of(accuracy)));
            }
            wins.put(budget, (int) results.stream()
                    .filter(r -> r.learners().get(0).accuracy() >= accuracyOf(r, "1-nn")).count());
        }
        return new Table(split.name(), seeds.clone(), cells, wins);
    }

    private static double accuracyOf(BudgetStudy.Result result, String learner) {
        return result.learners().stream().filter(r -> r.name().equals(learner)).findFirst().orElseThrow().accuracy();
    }
}
