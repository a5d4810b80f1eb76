package dev.aplysia.host.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.fixtures.dataset.RobotTrace;
import dev.aplysia.host.experiment.RobotOnDevice;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The baselines on the UCI wall-following trace, on the device run's split (3819 training rows, 1637 test rows). */
class RobotBaselinesOnTheTraceTest {

    private static final RobotTrace TRACE = Fixtures.wallFollowingRobot();
    private static final int TRAIN = RobotOnDevice.trainSamples(TRACE.size());
    /** The test stretch's most frequent command, Move-Forward, is 670 of its 1637 rows. */
    private static final double MAJORITY_CLASS = 670 / 1637.0;

    private static List<Baseline> seedOne;

    @BeforeAll
    static void runAtSeedOne() {
        seedOne = RobotBaselines.on(TRACE, TRAIN, 1);
    }

    @Test
    void repeatPreviousHits1515OfThe1637TestRows() {
        Baseline repeat = seedOne.get(0);

        assertEquals(1515 / 1637.0, repeat.accuracy(), 1e-12);
        assertTrue(repeat.accuracy() > 0.90 && repeat.accuracy() < 0.95);
    }

    @Test
    void everyLearnedBaselineBeatsChanceAndTheMajorityCommandClearly() {
        for (Baseline learned : seedOne.subList(1, seedOne.size())) {
            assertTrue(learned.accuracy() > MAJORITY_CLASS + 0.1, learned.toString());
        }
    }

    @Test
    void theSameSeedGivesTheSameFigures() {
        assertEquals(seedOne, RobotBaselines.on(TRACE, TRAIN, 1));
    }

    @Test
    void anotherSeedTrainsAnotherMlp() {
        assertNotEquals(seedOne.get(2), RobotBaselines.mlpOffline(TRACE, TRAIN, 2));
    }
}
