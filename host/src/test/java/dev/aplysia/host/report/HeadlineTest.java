package dev.aplysia.host.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.host.experiment.LearningCurve.Point;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HeadlineTest {

    @Test
    void samplesToReachIsTheFirstCheckpointAtOrAboveTheTarget() {
        List<Point> curve = List.of(new Point(10, 0.5), new Point(50, 0.8), new Point(100, 0.79),
                new Point(200, 0.9));

        assertEquals(OptionalInt.of(50), Headline.samplesToReach(curve, 0.8));
    }

    @Test
    void samplesToReachIsEmptyWhenNoCheckpointGetsThere() {
        List<Point> curve = List.of(new Point(10, 0.5), new Point(3823, 0.799));

        assertEquals(OptionalInt.empty(), Headline.samplesToReach(curve, 0.8));
    }

    @Test
    void aCurveThatNeverReachedTheTargetIsSaidNotTo() {
        assertEquals("did not reach 0.800 in this pass", Headline.reached(List.of(new Point(10, 0.1))));
    }

    @Test
    void finalAccuracyIsTheLastCheckpoints() {
        assertEquals(OptionalDouble.of(0.9), Headline.finalAccuracy(List.of(new Point(10, 0.5), new Point(20, 0.9))));
    }

    @Test
    void aCurveWithoutPointsHasNoFinalAccuracy() {
        assertEquals(OptionalDouble.empty(), Headline.finalAccuracy(List.of()));
    }

    @Test
    void paragraphStatesRecallAtTheMostPresentationsPerLearner() {
        String paragraph = Headline.paragraph(ComparisonReportFixture.typical().build());

        assertTrue(paragraph.contains("*device* recalled 3 of 3 flagged and 1 of 3 unflagged presentations of the "
                + "rare digit 7; *backprop* recalled 2 of 3 flagged and 2 of 3 unflagged"), paragraph);
    }

    @Test
    void paragraphLeavesOutAnExperimentWithoutRows() {
        String paragraph = Headline.paragraph(ComparisonReportFixture.typical().continual(List.of()).build());

        assertFalse(paragraph.contains("forgetting"), paragraph);
    }
}
