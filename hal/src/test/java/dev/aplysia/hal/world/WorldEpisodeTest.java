package dev.aplysia.hal.world;

import static dev.aplysia.hal.world.WorldBench.drive;
import static dev.aplysia.hal.world.WorldBench.run;
import static dev.aplysia.hal.world.WorldBench.world;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.gpio.DigitalInput;
import dev.aplysia.hal.pwm.PwmOutput;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorldEpisodeTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void theTrajectoryHasTheStartPoseThenOnePosePerStep() throws Exception {
        World world = world("", 1);
        drive(world, 500, false, 500, false);
        run(world, 10);
        Trajectory trajectory = world.trajectory();
        assertEquals(11, trajectory.size());
        assertEquals(new Pose(500, 500, 0), trajectory.pose(0));
        assertEquals(10_000_000L, trajectory.nanos(10));
        assertEquals(501, trajectory.pose(10).x(), 1e-9);
    }

    @Test
    void resetPutsTheRobotBackAtTheStartInANewEpisode() throws Exception {
        World world = world("wall x1=900 y1=0 x2=900 y2=1000\n", 1);
        drive(world, 1000, false, 1000, false);
        run(world, 3000);
        world.resetToStart();
        assertEquals(world.arena().start(), world.pose());
        assertFalse(world.digitalInput("bump").isHigh());
        assertEquals(1, world.episode());
        Trajectory trajectory = world.trajectory();
        assertEquals(1, trajectory.episode(trajectory.size() - 1));
        assertEquals(300, world.distanceMm(), 1e-6, "the teleport is not travel");
    }

    @Test
    void swappingTheArenaKeepsTheBoardAndStartsAtTheNewStart() throws Exception {
        World world = world("", 1);
        AnalogInput front = world.analogInput("front");
        assertEquals(1023, front.read());
        world.useArena(Arena.parse("near.txt", "arena width=800 height=1000\nstart x=300 y=500 heading=0\n"));
        assertEquals(new Pose(300, 500, 0), world.pose());
        assertEquals(409, front.read(), "the rim at 400, the wall at 800: 400 / 1000 * 1023 = 409.2");
        assertEquals(1, world.episode());
    }

    @Test
    void anArenaTheRobotDoesNotFitIsRefusedAndTheOldOneKept() throws Exception {
        World world = world("", 1);
        Arena tight = Arena.parse("tight.txt", "arena width=150 height=150\nstart x=75 y=75 heading=0\n");
        HalException failure = assertThrows(HalException.class, () -> world.useArena(tight));
        assertEquals(ErrorKind.INVALID_ARGUMENT, failure.kind());
        assertTrue(failure.getMessage().startsWith("tight.txt:2: the start pose"), failure.getMessage());
        assertEquals("room.txt", world.arena().source());
    }

    @Test
    void twoRunsFromTheSameSeedTraceTheSameTrajectory() throws Exception {
        assertArrayEquals(path(wander(42)), path(wander(42)));
    }

    @Test
    void aMinuteOfWanderingNeverLeavesTheRoomOrEntersAnObstacle() throws Exception {
        World world = wander(42);
        Trajectory trajectory = world.trajectory();
        double radius = world.robot().body().radius();
        for (int i = 0; i < trajectory.size(); i++) {
            Pose pose = trajectory.pose(i);
            for (Segment segment : world.arena().solidSegments()) {
                assertTrue(segment.distanceTo(pose.x(), pose.y()) >= radius - 1e-9, "sample " + i + ": " + pose);
            }
        }
        assertTrue(world.distanceMm() > 1000, "travelled " + world.distanceMm());
    }

    /**
     * A minute of an obstacle-avoiding policy in the example square room, through the HAL only: spin when the front
     * sonar reads under 300 mm or the bump is pressed, else drive forward.
     */
    private static World wander(long seed) throws HalException {
        World world = World.of(BoardConfig.load(EXAMPLES.resolve("world.board")),
                RobotSpec.load(EXAMPLES.resolve("world.robot")), Arena.load(EXAMPLES.resolve("arena-square.txt")),
                seed);
        AnalogInput front = world.analogInput("sonar0");
        DigitalInput bump = world.digitalInput("bump");
        PwmOutput left = world.pwmOutput("motor-left");
        PwmOutput right = world.pwmOutput("motor-right");
        for (int tick = 0; tick < 60_000; tick++) {
            boolean blocked = front.read() < 300 * 1023 / 1500 || bump.isHigh();
            world.digitalOutput("motor-right-reverse").set(blocked);
            left.setDuty(blocked ? 400 : 800);
            right.setDuty(blocked ? 400 : 800);
            world.pacer().sleepUntil((tick + 1) * 1_000_000L);
        }
        return world;
    }

    /** x and y of every sample. */
    private static double[] path(World world) {
        Trajectory trajectory = world.trajectory();
        double[] path = new double[2 * trajectory.size()];
        for (int i = 0; i < trajectory.size(); i++) {
            path[2 * i] = trajectory.pose(i).x();
            path[2 * i + 1] = trajectory.pose(i).y();
        }
        return path;
    }
}
