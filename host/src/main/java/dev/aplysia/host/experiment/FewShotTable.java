package dev.aplysia.host.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The few-shot protocol ({@link FewShotStudy}) over seeds, summarised per learner. */
public final class FewShotTable {

    private FewShotTable() {
    }

    /** One learner over the seeds: presented rare samples recalled, and accuracy on the unseen ones. */
    public record Row(String learner, SeedSummary recalled, SeedSummary unseenAccuracy) {
    }

    /** Runs {@link FewShotStudy#run} at {@code budget} for every seed, two at a time. */
    public static List<Row> run(long budget, long[] seeds, DigitsSplit split) {
        List<List<FewShotStudy.Row>> runs = Arrays.stream(seeds).parallel()
                .mapToObj(seed -> FewShotStudy.run(budget, seed, split)).toList();
        List<Row> rows = new ArrayList<>();
        for (int l = 0; l < runs.get(0).size(); l++) {
            int index = l;
            rows.add(new Row(runs.get(0).get(l).learner(),
                    SeedSummary.of(runs.stream().mapToDouble(r -> r.get(index).recalled()).toArray()),
                    SeedSummary.of(runs.stream().mapToDouble(r -> r.get(index).unseenAccuracy()).toArray())));
        }
        return rows;
    }
}
