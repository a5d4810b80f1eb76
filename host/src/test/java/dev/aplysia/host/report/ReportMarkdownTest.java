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

    private static final String MARKDOWN = ReportMarkdown.of(ComparisonReportFixture.typical().build(),
            ComparisonReportFixture.RUN, ALL_FIGURES);

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
        String markdown = ReportMarkdown.of(ComparisonReportFixture.typical().build(), ComparisonReportFixture.RUN,
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

    @Test
    void theRunsMetadataOpensTheReportBeforeTheSummary() {
        assertTrue(MARKDOWN.startsWith("# Aplysia: learning on the device against backprop on the host\n\n"
                + "- commit: `abc1234`\n"
                + "- date: 2025-06-01T09:30:00Z\n"
                + "- options: quick false, hidden 100, seed 3\n"
                + "- seeds: 3 (both learners and every sample order)\n"
                + "- JVM: TestVM 17.0.1\n"
                + "- machine: Linux amd64, 8 processors, Test CPU @ 3.00GHz\n\n"
                + "In one online pass"), MARKDOWN);
    }

    @Test
    void eachLearnersConfusionMatrixHasARowPerTrueDigitWithItsRecall() {
        assertContains("Device, as counted on the device and received as telemetry: 95 of 100 right (0.950).");
        assertContains("Backprop, online, counted on the host: 79 of 100 right (0.790).");
        assertContains("|  | pred 0 | pred 1 | pred 2 | pred 3 | pred 4 | pred 5 | pred 6 | pred 7 | pred 8 | pred 9 "
                + "| recall |");
        assertContains("| true 3 | 0 | 0 | 0 | 7 | 0 | 0 | 0 | 0 | 3 | 0 | 0.700 |");
        assertContains("| true 9 | 3 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 7 | 0.700 |");
    }

    @Test
    void aDeviceConfusionFrameThatNeverArrivedIsSaidToBeMissing() {
        String markdown = ReportMarkdown.of(ComparisonReportFixture.typical().withoutDeviceConfusion().build(),
                ComparisonReportFixture.RUN, ALL_FIGURES);

        assertTrue(markdown.contains("Device: its confusion frame never arrived (see Telemetry), so there is no "
                + "matrix."), markdown);
        assertTrue(markdown.contains("Backprop, online, counted on the host: 79 of 100 right"), markdown);
    }

    @Test
    void theCaveatsStateTheConstantsTheLearnersRunWith() {
        assertContains("## What these figures do and do not show");
        assertContains("is below the vigilance, 0.840, recruits a fresh feature neuron, which copies the sample into its "
                + "weights (instar rate 1)");
        assertContains("a current of 4 membrane units per tick (`SpikingClassifier.TEACHER_CURRENT`)");
        assertContains("Each training sample is first answered with learning frozen.");
        assertContains("the feature layer's excitability is multiplied by 3 during a flagged sample's presentation");
        assertContains("the device keeps no consolidation state");
        assertContains("Backprop only multiplies its learning rate by 3 for that sample (0.090 instead of 0.030)");
        assertContains("The device is 64–100–10 (inputs, feature neurons, readout neurons) and the MLP is 64–100–10");
        assertContains("Every figure comes from seed 3 and one run");
    }

    @Test
    void aQuickRunsCaveatsSayWhichSamplesItUsed() {
        String markdown = ReportMarkdown.of(ComparisonReportFixture.typical().quick().build(),
                ComparisonReportFixture.RUN, ALL_FIGURES);

        assertTrue(markdown.contains("This quick run learned from the first 500 training samples and scored the "
                + "first 1,797 test samples."), markdown);
    }

    private static void assertContains(String expected) {
        assertTrue(MARKDOWN.contains(expected), () -> "missing: " + expected + "\n---\n" + MARKDOWN);
    }
}
