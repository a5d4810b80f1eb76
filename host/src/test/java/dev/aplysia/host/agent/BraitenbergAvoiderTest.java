package dev.aplysia.host.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BraitenbergAvoiderTest {

    /** Five sensors at 90, 45, 0, −45, −90 degrees; 500 mm range; body radius 100 mm; 50 mm per period. */
    private static final SensorGeometry GEOMETRY =
            new SensorGeometry(new double[] {90, 45, 0, -45, -90}, 500, 100, 50);
    private static final int FULL = 1000;

    @Test
    void itDrivesForwardWhenEverySensorReadsFullScale() {
        assertEquals(DriveCommand.FORWARD, fresh().act(seeing(FULL, FULL, FULL, FULL, FULL)));
    }

    @Test
    void itTurnsRightAwayFromAnObstacleAheadOnTheLeft() {
        assertEquals(DriveCommand.TURN_RIGHT, fresh().act(seeing(FULL, 100, FULL, FULL, FULL)));
    }

    @Test
    void itTurnsLeftAwayFromAnObstacleAheadOnTheRight() {
        assertEquals(DriveCommand.TURN_LEFT, fresh().act(seeing(FULL, FULL, FULL, 100, FULL)));
    }

    @Test
    void itTurnsAwayFromTheNearerWallWhenTheWayAheadIsBlocked() {
        assertEquals(DriveCommand.TURN_LEFT, fresh().act(seeing(800, FULL, 300, 400, 200)));
    }

    @Test
    void aWallAlongsideThatLeavesThePathClearDoesNotTurnIt() {
        assertEquals(DriveCommand.FORWARD, fresh().act(seeing(200, 500, FULL, FULL, FULL)));
    }

    @Test
    void aClosedBumpSwitchTurnsItEvenWithNothingInRange() {
        Observation bumped = Observation.withoutLight(new int[] {FULL, FULL, FULL, FULL, FULL}, FULL, true);

        assertEquals(DriveCommand.TURN_LEFT, fresh().act(bumped));
    }

    @Test
    void itKeepsTurningTheSameWayUntilThePathIsClearThenDrivesOn() {
        BraitenbergAvoider avoider = fresh();

        assertEquals(DriveCommand.TURN_RIGHT, avoider.act(seeing(FULL, 100, 500, FULL, FULL)));
        assertEquals(DriveCommand.TURN_RIGHT, avoider.act(seeing(FULL, FULL, 500, 100, FULL)),
                "a corner: the obstacle now on the right does not flip the turn");
        assertEquals(DriveCommand.FORWARD, avoider.act(seeing(FULL, FULL, FULL, FULL, FULL)));
    }

    @Test
    void triggerDistancesComeFromTheGuardBoxAheadOfTheBody() {
        // L = 2 · 100 + 2 · 50 = 300 mm from the centre, w = 125 mm; readings are from the rim, 100 mm out.
        assertEquals(300 - 100, BraitenbergAvoider.triggerMillimetres(GEOMETRY, 2), 1e-9);
        assertEquals(125 * Math.sqrt(2) - 100, BraitenbergAvoider.triggerMillimetres(GEOMETRY, 1), 1e-9);
        assertEquals(-1, BraitenbergAvoider.triggerMillimetres(GEOMETRY, 0), "a side sensor never blocks");
    }

    @Test
    void itHoldsATriggerCountPerSensorAndTheLastCommandAndComparesTwicePerSensor() {
        assertEquals(5 * 2 + 1, fresh().stateBytes());
        assertEquals(10, fresh().operationsPerStep());
    }

    private static BraitenbergAvoider fresh() {
        return new BraitenbergAvoider(GEOMETRY);
    }

    /** Counts of 1000 full scale, so a count is 0.5 mm: 100 counts is 50 mm from the rim. */
    private static Observation seeing(int... counts) {
        return Observation.withoutLight(counts, FULL, false);
    }
}
