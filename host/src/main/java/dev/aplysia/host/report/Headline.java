package dev.aplysia.host.report;

import dev.aplysia.host.experiment.ComparisonReport;
import dev.aplysia.host.experiment.ComparisonReport.ContinualRow;
import dev.aplysia.host.experiment.ComparisonReport.CostRow;
import dev.aplysia.host.experiment.ComparisonReport.SignificanceRow;
import dev.aplysia.host.experiment.LearningCurve;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The headline numbers of a comparison, computed from its data, and the summary paragraph that states them. Every
 * sentence is conditional on the numbers: a learner that never reached the target is said not to have reached it,
 * and an experiment without rows is left out.
 */
final class Headline {

    /** The test accuracy whose first crossing is reported as "samples to reach". */
    static final double TARGET_ACCURACY = 0.8;

    private static final Notation N = Notation.READABLE;

    private Headline() {
    }

    /**
     * The samples seen at the first checkpoint whose test accuracy is at least {@code target}, or empty if none is.
     * The answer is only as fine as the checkpoints: the target may have been crossed between two of them.
     */
    static OptionalInt samplesToReach(List<LearningCurve.Point> curve, double target) {
        return curve.stream().sorted(Comparator.comparingInt(LearningCurve.Point::samples))
                .filter(p -> p.accuracy() >= target).mapToInt(LearningCurve.Point::samples).findFirst();
    }

    /** The test accuracy at the last checkpoint (the end of the pass), or empty for a curve without points. */
    static OptionalDouble finalAccuracy(List<LearningCurve.Point> curve) {
        return curve.stream().max(Comparator.comparingInt(LearningCurve.Point::samples))
                .map(p -> OptionalDouble.of(p.accuracy())).orElse(OptionalDouble.empty());
    }

    /**
     * Accuracy on digits 0-4 lost while learning 5-9 (negative if it rose). Subtracted in decimal, so that 0.9 - 0.6
     * is written 0.3 and not 0.30000000000000004.
     */
    static double forgetting(ContinualRow row) {
        return BigDecimal.valueOf(row.firstTaskBefore()).subtract(BigDecimal.valueOf(row.firstTaskAfter()))
                .doubleValue();
    }

    /** The fraction of the presented rare samples still classified right at the end. */
    static double recall(SignificanceRow row) {
        return (double) row.recalled() / row.presentations();
    }

    /** The first cost row whose learner name starts with {@code prefix} ({@code device} or {@code backprop}). */
    private static Optional<CostRow> costOf(List<CostRow> cost, String prefix) {
        return cost.stream().filter(r -> r.learner().startsWith(prefix)).findFirst();
    }

    /** The summary paragraph: final accuracies, samples to reach the target, forgetting, recall and cost. */
    static String paragraph(ComparisonReport report) {
        List<String> sentences = new ArrayList<>();
        sentences.add(finalAccuracies(report));
        sentences.add(samplesToReachTarget(report.learningCurve()));
        if (!report.continual().isEmpty()) {
            sentences.add(forgettingSentence(report.continual()));
        }
        if (!report.significance().isEmpty()) {
            sentences.add(recallSentence(report.significance()));
        }
        costSentence(report.cost()).ifPresent(sentences::add);
        return String.join(" ", sentences);
    }

    private static String finalAccuracies(ComparisonReport report) {
        ComparisonReport.CurveComparison curves = report.learningCurve();
        return String.format("In one online pass over %s training samples, in the same order for both, the device "
                        + "(local plasticity, fixed point) %s on %s test samples and backprop (SGD, batch size 1) %s; "
                        + "backprop trained offline for %d epochs scored %s.",
                N.count(report.settings().trainSamples()), ended(curves.device()),
                N.count(report.settings().testSamples()), ended(curves.backprop()),
                curves.backpropOfflineEpochs(), N.real(curves.backpropOffline()));
    }

    private static String ended(List<LearningCurve.Point> curve) {
        OptionalDouble last = finalAccuracy(curve);
        return last.isPresent()
                ? "ended at a test accuracy of " + N.real(last.getAsDouble())
                : "reported no checkpoint";
    }

    private static String samplesToReachTarget(ComparisonReport.CurveComparison curves) {
        return "The device " + reached(curves.device()) + "; backprop " + reached(curves.backprop()) + ".";
    }

    /** A clause stating where a curve first reached the target, or that it did not. */
    static String reached(List<LearningCurve.Point> curve) {
        OptionalInt samples = samplesToReach(curve, TARGET_ACCURACY);
        return samples.isPresent()
                ? "first scored at least " + N.real(TARGET_ACCURACY) + " at the " + N.count(samples.getAsInt())
                        + "-sample checkpoint"
                : "did not reach " + N.real(TARGET_ACCURACY) + " in this pass";
    }

    private static String forgettingSentence(List<ContinualRow> continual) {
        return "After learning digits 5–9, accuracy on 0–4 went " + continual.stream()
                .map(r -> String.format("from %s to %s for *%s* (forgetting %s)", N.real(r.firstTaskBefore()),
                        N.real(r.firstTaskAfter()), r.learner(), N.real(forgetting(r))))
                .collect(Collectors.joining("; ")) + ".";
    }

    private static String recallSentence(List<SignificanceRow> significance) {
        return "At the end of the significance stream, " + significance.stream()
                .collect(Collectors.groupingBy(SignificanceRow::learner, LinkedHashMap::new, Collectors.toList()))
                .entrySet().stream().map(e -> "*" + e.getKey() + "* recalled " + mostPresented(e.getValue()))
                .collect(Collectors.joining("; ")) + ".";
    }

    /** The recall of the rows with the most presentations, flagged and unflagged. */
    private static String mostPresented(List<SignificanceRow> rows) {
        int most = rows.stream().mapToInt(SignificanceRow::presentations).max().orElseThrow();
        return rows.stream().filter(r -> r.presentations() == most)
                .map(r -> r.recalled() + " of " + most + (r.flagged() ? " flagged" : " unflagged"))
                .collect(Collectors.joining(" and ")) + " presentations of the rare digit " + rows.get(0).rareClass();
    }

    private static Optional<String> costSentence(List<CostRow> cost) {
        Optional<CostRow> device = costOf(cost, "device");
        Optional<CostRow> backprop = costOf(cost, "backprop");
        if (device.isEmpty() || backprop.isEmpty()) {
            return Optional.empty();
        }
        CostRow d = device.get();
        CostRow b = backprop.get();
        return Optional.of(String.format("Per learned sample the device did %s× the operations of backprop "
                        + "(%s against %s) and held %s× its state bytes (%s against %s).",
                N.real(ratio(d.opsPerLearningStep(), b.opsPerLearningStep())), N.count(d.opsPerLearningStep()),
                N.count(b.opsPerLearningStep()), N.real(ratio(d.stateBytes(), b.stateBytes())),
                N.count(d.stateBytes()), N.count(b.stateBytes())));
    }

    private static double ratio(long device, long backprop) {
        return (double) device / backprop;
    }
}
