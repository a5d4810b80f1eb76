package dev.aplysia.host.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportMarkdownTest {

    private static final EnumSet<ReportFile> ALL_FIGURES = EnumSet.of(ReportFile.LEARNING_CURVE_CHART,
            ReportFile.FORGETTING_CHART, ReportFile.SIGNIFICANCE_CHART, ReportFile.RECEPTIVE_FIELDS_IMAGE);

    private static final String MARKDOWN = ReportMarkdown.of(ComparisonReportFixture.typical().build(), ALL_FIGURES);

    @Test
    void summaryStatesFinalAccuraciesAndSamplesToReachTheTarget() {
        assertContains("the device (local plasticity, fixed point) ended at a test accuracy of 0.950");
        assertContains("backprop (SGD, batch size 1) ended at a test accuracy of 0.790");
        assertContains("backprop trained offline for 10 epochs scored 0.961");
        assertContains("The device first scored at least 0.800 at the 100-sample checkpoint; "
                + "backprop did not reach 0.800 in this pass.");
    }

    @Test
    void summaryStatesForgettingPerLearner() {
        assertContains("from 0.900 to 0.850 for *device, consolidation* (forgetting 0.050)");
        assertContains("from 0.950 to 0.100 for *backprop* (forgetting 0.850)");
    }

    @Test
    void summaryStatesTheCostRatios() {
        assertContains("the device did 6.200× the operations of backprop (155,000 against 25,000) and held "
                + "3.373× its state bytes (121,436 against 36,000)");
    }

    @Test
    void embedsEveryChart() {
        for (String png : List.of("learning-curve.png", "forgetting.png", "significance.png",
                "receptive-fields.png")) {
            assertContains("](" + png + ")\n");
        }
    }

    @Test
    void costTableSaysWhatEachWeightUpdateHadToRead() {
        assertContains("| learner | state bytes | operations per learned sample | µs per learned sample | "
                + "what each weight update had to read |");
        assertContains("| device | 121,436 | 155,000 | 1300.500 | "
                + "pre trace, post spike, the weight, its consolidation |");
    }

    @Test
    void telemetrySectionCountsMissingFramesAndGaps() {
        assertContains("5 of the 108 frames the device counted never arrived.");
        assertContains("| spikes | 100 | 95 | 5 | 12-15, 40 |");
    }

    @Test
    void aFigureNotDrawnIsSaidToBeMissing() {
        String markdown = ReportMarkdown.of(ComparisonReportFixture.typical().build(),
                EnumSet.noneOf(ReportFile.class));

        assertTrue(markdown.contains("No data for this experiment, so no chart."), markdown);
        assertFalse(markdown.contains(".png)"), markdown);
    }

    @Test
    void reproduceCommandCarriesTheSeedTheHiddenSizeAndQuickWhenQuick() {
        assertContains("Reproduce with `./aplysia demo --seed 3 --hidden 100`.");
        assertEquals("./aplysia demo --seed 3 --hidden 100 --quick",
                ReportMarkdown.reproduceCommand(ComparisonReportFixture.typical().quick().build().settings()));
    }

    private static void assertContains(String expected) {
        assertTrue(MARKDOWN.contains(expected), () -> "missing: " + expected + "\n---\n" + MARKDOWN);
    }
}
