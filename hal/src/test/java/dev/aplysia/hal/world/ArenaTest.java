package dev.aplysia.hal.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArenaTest {

    @Test
    void parsesEveryKeyword() throws Exception {
        Arena arena = Arena.parse("a.txt", """
                # a room
                arena  width=2000 height=1000
                wall   x1=1000 y1=0 x2=1000 y2=600   # a baffle
                box    x=300 y=400 width=200 height=150
                light  x=1800 y=900 intensity=0.8 reach=500
                start  x=250 y=250 heading=90
                """);
        assertEquals(2000, arena.width());
        assertEquals(new Segment(1000, 0, 1000, 600), arena.walls().get(0));
        assertEquals(new Obstacle(300, 400, 200, 150), arena.obstacles().get(0));
        assertEquals(new Light(1800, 900, 0.8, 500), arena.lights().get(0));
        assertEquals(Pose.ofDegrees(250, 250, 90), arena.start());
        assertEquals("a.txt:6:", arena.whereStart());
        assertEquals(4 + 1 + 4, arena.solidSegments().size());
    }

    @Test
    void anUnknownKeywordIsRejectedWithFileAndLine() {
        assertRejected("arena width=100 height=100\ndoor x=1\nstart x=50 y=50 heading=0\n",
                "a.txt:2: unknown keyword 'door'; expected one of [arena, wall, box, light, start]");
    }

    @Test
    void aBadNumberIsRejectedWithFileAndLine() {
        assertRejected("arena width=100 height=100\nstart x=fifty y=50 heading=0\n",
                "a.txt:2: x 'fifty' is not a number");
    }

    @Test
    void aPointOutsideTheRoomIsRejectedEvenAboveTheArenaLine() {
        assertRejected("wall x1=0 y1=0 x2=2500 y2=0\narena width=2000 height=1000\nstart x=50 y=50 heading=0\n",
                "a.txt:1: x2 2500 is outside 0..2000");
    }

    @Test
    void missingAndRepeatedOptionsAreRejected() {
        assertRejected("arena width=100 height=100\nbox x=1 y=1 width=5\nstart x=50 y=50 heading=0\n",
                "a.txt:2: box needs height=...");
        assertRejected("arena width=100 height=100\nstart x=50 x=50 y=50 heading=0\n",
                "a.txt:2: option 'x' given twice");
    }

    @Test
    void aFileWithoutStartIsRejected() {
        assertRejected("arena width=100 height=100\n",
                "a.txt:1: no 'start x=... y=... heading=...' line: the robot's start pose is required");
    }

    @Test
    void everyBadLineIsReportedInOnePass() {
        HalException failure = assertThrows(HalException.class, () -> Arena.parse("a.txt", """
                arena width=100 height=100
                arena width=200 height=200
                light x=10 y=10 intensity=2 reach=10
                start x=50 y=50 heading=0
                """));
        assertEquals("a.txt:2: second 'arena' line; the room was sized on line 1" + System.lineSeparator()
                + "a.txt:3: intensity 2 is outside 0..1", failure.getMessage());
    }

    @Test
    void theExampleArenasParse() throws Exception {
        for (String name : new String[] {"arena-square.txt", "arena-corridor.txt", "arena-light.txt"}) {
            Arena arena = Arena.load(Path.of("..", "examples", name));
            assertTrue(arena.width() > 0, name);
        }
    }

    private static void assertRejected(String text, String message) {
        HalException failure = assertThrows(HalException.class, () -> Arena.parse("a.txt", text));
        assertEquals(ErrorKind.INVALID_CONFIG, failure.kind());
        assertEquals(message, failure.getMessage());
    }
}
