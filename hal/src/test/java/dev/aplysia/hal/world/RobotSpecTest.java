package dev.aplysia.hal.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.world.RobotSpec.Sonar;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RobotSpecTest {

    private static final String BODY = """
            body   radius=80 wheelbase=140 maxspeed=300
            motor  left  pwm=motor-left
            motor  right pwm=motor-right
            """;

    @Test
    void sonarsDefaultToOneRayWithoutNoise() throws Exception {
        RobotSpec robot = RobotSpec.parse("r.robot", BODY + "sonar s0 angle=45 range=900\n");
        assertEquals(new Sonar("s0", 4, 45, 900, 0, 1, 0), robot.sonars().get(0));
        assertFalse(robot.left().reversible());
    }

    @Test
    void aBeamDefaultsToFiveRays() throws Exception {
        RobotSpec robot = RobotSpec.parse("r.robot", BODY + "sonar s0 angle=0 range=900 beam=20\n");
        assertEquals(5, robot.sonars().get(0).rays());
    }

    @Test
    void badLinesAreRejectedWithFileAndLine() {
        HalException failure = assertThrows(HalException.class, () -> RobotSpec.parse("r.robot", BODY + """
                sonar s0 angle=0 range=900 colour=red
                encoder e0 wheel=middle pitch=5
                bump motor-left
                """));
        assertEquals(ErrorKind.INVALID_CONFIG, failure.kind());
        assertEquals(String.join(System.lineSeparator(),
                "r.robot:4: unknown option 'colour' for sonar 's0'; expected one of [angle, range, beam, rays, noise]",
                "r.robot:5: wheel 'middle' is not one of [left, right]",
                "r.robot:6: 'motor-left' is already declared on line 2"), failure.getMessage());
    }

    @Test
    void aFileWithoutBodyOrMotorsIsRejected() {
        HalException failure = assertThrows(HalException.class,
                () -> RobotSpec.parse("r.robot", "motor left pwm=m\n"));
        assertEquals("r.robot:1: no 'body radius=... wheelbase=... maxspeed=...' line" + System.lineSeparator()
                + "r.robot:1: no 'motor right pwm=...' line", failure.getMessage());
    }

    @Test
    void aChannelTheBoardLacksIsRejectedWithTheRobotFilesLine() throws Exception {
        RobotSpec robot = RobotSpec.parse("r.robot", BODY + "sonar sonar9 angle=0 range=900\n");
        BoardConfig board = BoardConfig.parse("b.board", WorldBench.BOARD);
        HalException failure = assertThrows(HalException.class,
                () -> World.of(board, robot, Arena.parse("room.txt", WorldBench.ROOM), 1));
        assertEquals(ErrorKind.INVALID_CONFIG, failure.kind());
        assertTrue(failure.getMessage().startsWith("r.robot:4: sonar 'sonar9' is not on the board: no analog input "
                + "named 'sonar9'; known analog inputs: "), failure.getMessage());
    }

    @Test
    void aStartPoseInsideAnObstacleIsRejectedWithTheArenasLine() throws Exception {
        HalException failure = assertThrows(HalException.class,
                () -> WorldBench.world("box x=400 y=400 width=300 height=300\n", 1));
        assertEquals(ErrorKind.INVALID_ARGUMENT, failure.kind());
        assertTrue(failure.getMessage().startsWith("room.txt:2: the start pose (500.0, 500.0) puts the robot"),
                failure.getMessage());
    }

    @Test
    void theExampleRobotFitsTheExampleBoardInEveryExampleArena() throws Exception {
        Path examples = Path.of("..", "examples");
        BoardConfig board = BoardConfig.load(examples.resolve("world.board"));
        RobotSpec robot = RobotSpec.load(examples.resolve("world.robot"));
        for (String name : new String[] {"arena-square.txt", "arena-corridor.txt", "arena-light.txt"}) {
            World world = World.of(board, robot, Arena.load(examples.resolve(name)), 1);
            assertEquals(8, world.robot().sonars().size(), name);
        }
    }
}
