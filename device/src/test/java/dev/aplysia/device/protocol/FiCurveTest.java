package dev.aplysia.device.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.device.protocol.FiCurve.Point;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FiCurveTest {

    /** Above rheobase, the 1 s count may trail the continuous-time rate by the tick rounding of each interval. */
    private static final double TOLERANCE_HZ = 2;

    private static FiCurve.Result curve;

    @BeforeAll
    static void run() {
        curve = FiCurve.run();
    }

    private static List<Point> above(boolean rheobase) {
        return curve.points().stream().filter(p -> p.current() > FiCurve.THRESHOLD == rheobase).toList();
    }

    @Test
    void theCurveHas31CurrentsFromZeroToThreeInTenthSteps() {
        assertEquals(31, curve.points().size());
        for (int k = 0; k < 31; k++) {
            assertEquals(k / 10.0, curve.points().get(k).current(), 1e-12);
        }
    }

    @Test
    void neitherCoreNorTwinFiresAtOrBelowRheobase() {
        for (Point p : above(false)) {
            assertEquals(0, p.spikes(), "core at I = " + p.current());
            assertEquals(0, p.spikesFloat(), "twin at I = " + p.current());
        }
    }

    @Test
    void theCoreFiresWithinTwoSpikesPerSecondOfTheAnalyticRateAboveRheobase() {
        for (Point p : above(true)) {
            assertEquals(p.analyticRate(), p.spikes(), TOLERANCE_HZ, "I = " + p.current());
        }
    }

    @Test
    void theTwinFiresWithinTwoSpikesPerSecondOfTheAnalyticRateAboveRheobase() {
        for (Point p : above(true)) {
            assertEquals(p.analyticRate(), p.spikesFloat(), TOLERANCE_HZ, "I = " + p.current());
        }
    }

    @Test
    void theAnalyticRateAtTwiceRheobaseIsOneOverRefractoryPlusTauLnTwo() {
        assertEquals(1000 / (2 + 20 * Math.log(2)), FiCurve.analyticRate(2), 1e-9);
    }

    @Test
    void theReportedDeviationsAreTheLargestOverAllPoints() {
        assertEquals(above(true).stream().mapToDouble(p -> Math.abs(p.spikes() - p.analyticRate())).max()
                .orElseThrow(), curve.maxDeviation());
        assertEquals(above(true).stream().mapToDouble(p -> Math.abs(p.spikesFloat() - p.analyticRate())).max()
                .orElseThrow(), curve.maxDeviationFloat());
    }
}
