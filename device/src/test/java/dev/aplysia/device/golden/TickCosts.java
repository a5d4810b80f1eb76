package dev.aplysia.device.golden;

import dev.aplysia.device.core.OpCounters;
import dev.aplysia.device.export.CDigitsProject;
import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.CostModel;
import dev.aplysia.device.model.McuProfile;

/**
 * The instructions a cost model predicts for each network step of a run, summarised as the C runners report the
 * measured ones: the mean and the largest over the steps.
 */
record TickCosts(double mean, double max, long ticks) {

    /** The digits check's run ({@link CDigitsProject}): learn {@code train} in order, then classify {@code test}. */
    static TickCosts ofDigitsRun(CostModel costs, ClassifierConfig config, McuProfile profile,
            CDigitsProject.Samples train, CDigitsProject.Samples test) {
        SpikingClassifier classifier = new SpikingClassifier(config, profile);
        Tally tally = new Tally(costs, classifier.network().counters());
        for (int n = 0; n < train.pixels().length; n++) {
            classifier.beginLearning(train.pixels()[n], train.labels()[n], CDigitsProject.SIGNIFICANCE);
            tally.presentation(classifier);
        }
        for (int n = 0; n < test.pixels().length; n++) {
            classifier.beginClassifying(test.pixels()[n]);
            tally.presentation(classifier);
        }
        return new TickCosts(tally.total / tally.ticks, tally.max, tally.ticks);
    }

    /** Sums and tracks the largest predicted step as a classifier presents its samples. */
    private static final class Tally {
        private final CostModel costs;
        private final OpCounters counters;
        private final OpCounters before = new OpCounters();
        private double total;
        private double max;
        private long ticks;

        Tally(CostModel costs, OpCounters counters) {
            this.costs = costs;
            this.counters = counters;
        }

        void presentation(SpikingClassifier classifier) {
            boolean done = false;
            while (!done) {
                before.copyFrom(counters);
                done = classifier.tick();
                if (counters.ticks() != before.ticks()) {
                    double instructions = costs.instructions(before, counters);
                    total += instructions;
                    max = Math.max(max, instructions);
                    ticks++;
                }
            }
        }
    }
}
