package dev.aplysia.hal.world;

import static dev.aplysia.hal.world.WorldBench.drive;
import static dev.aplysia.hal.world.WorldBench.run;
import static dev.aplysia.hal.world.WorldBench.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.gpio.DigitalInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorldPhysicsTest {

    private static final double EPSILON = 1e-6;
    private static final String WALL_AT_900 = "wall x1=900 y1=0 x2=900 y2=1000\n";

    @Test
    void halfDutyOnBothWheelsCovers200MillimetresInTwoSeconds() throws Exception {
        World world = world("", 1);
        drive(world, 500, false, 500, false);
        run(world, 2000);
        Pose pose = world.pose();
        assertEquals(700, pose.x(), EPSILON);
        assertEquals(500, pose.y(), EPSILON);
        assertEquals(0, pose.heading(), EPSILON);
        assertEquals(200, world.distanceMm(), EPSILON);
        assertEquals(200, world.forwardMm(), EPSILON);
    }

    @Test
    void equalAndOppositeWheelSpeedsTurnInPlaceByOneRadianPerSecond() throws Exception {
        World world = world("", 1);
        drive(world, 250, true, 250, false);
        run(world, 1000);
        Pose pose = world.pose();
        assertEquals(1.0, pose.heading(), EPSILON);
        assertEquals(500, pose.x(), EPSILON);
        assertEquals(500, pose.y(), EPSILON);
        assertEquals(0, world.distanceMm(), EPSILON);
    }

    @Test
    void oneWheelAloneDrivesAQuarterCircleAroundTheOther() throws Exception {
        World world = world("", 1);
        drive(world, 0, false, 500, false);
        run(world, Math.round(Math.PI / 2 * 1000));
        Pose pose = world.pose();
        assertEquals(Math.PI / 2, pose.heading(), 1e-3);
        assertEquals(550, pose.x(), 0.1);
        assertEquals(550, pose.y(), 0.1);
    }

    @Test
    void drivingIntoAWallStopsAtContactAndPressesTheBump() throws Exception {
        World world = world(WALL_AT_900, 1);
        drive(world, 1000, false, 1000, false);
        run(world, 3000);
        Pose pose = world.pose();
        assertTrue(pose.x() <= 800, "no penetration: " + pose.x());
        assertEquals(800, pose.x(), EPSILON);
        assertTrue(world.digitalInput("bump").isHigh());
        List<Collision> collisions = world.collisions();
        assertEquals(1, collisions.size());
        assertEquals(800, collisions.get(0).x(), EPSILON);
        assertTrue(collisions.get(0).nanos() >= 1_500_000_000L && collisions.get(0).nanos() <= 1_502_000_000L,
                "contact after 300 mm at 200 mm/s: " + collisions.get(0).nanos());
    }

    @Test
    void backingOffReleasesTheBumpAndDrivingBackIsASecondCollision() throws Exception {
        World world = world(WALL_AT_900, 1);
        DigitalInput bump = world.digitalInput("bump");
        drive(world, 1000, false, 1000, false);
        run(world, 2000);
        drive(world, 500, true, 500, true);
        run(world, 500);
        assertFalse(bump.isHigh());
        assertEquals(750, world.pose().x(), EPSILON);
        drive(world, 1000, false, 1000, false);
        run(world, 1000);
        assertTrue(bump.isHigh());
        assertEquals(2, world.collisions().size());
        assertEquals(2, bump.pollRisingEdges());
    }

    @Test
    void aRobotPushingOnAWallCanStillTurnAwayFromIt() throws Exception {
        World world = world(WALL_AT_900, 1);
        drive(world, 1000, false, 1000, false);
        run(world, 2000);
        drive(world, 0, false, 1000, false);
        run(world, 2000);
        assertTrue(world.pose().heading() > 1, "turned: " + world.pose().heading());
        assertFalse(world.digitalInput("bump").isHigh());
    }

    @Test
    void theLeftEncoderRisesOncePerTenMillimetresOfWheelTravel() throws Exception {
        World world = world("", 1);
        drive(world, 500, false, 0, false);
        run(world, 1000);
        assertEquals(10, world.digitalInput("tick-left").pollRisingEdges());
    }

    @Test
    void aDutyChangeDrivesTheTimeAfterItAndTheOldDutyTheTimeBefore() throws Exception {
        World world = world("", 1);
        drive(world, 500, false, 500, false);
        run(world, 1000);
        drive(world, 1000, false, 1000, false);
        run(world, 1000);
        assertEquals(800, world.pose().x(), EPSILON);
    }
}
