package dev.aplysia.hal.world;

import static dev.aplysia.hal.world.WorldBench.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.analog.AnalogInput;
import org.junit.jupiter.api.Test;

class WorldSensorTest {

    /** The rim of the bench robot is at x = 600, so this wall is 300 mm in front of its sonars. */
    private static final String WALL_AT_900 = "wall x1=900 y1=0 x2=900 y2=1000\n";

    @Test
    void aSonarFacingAWallAt300MillimetresReads307Counts() throws Exception {
        World world = world(WALL_AT_900, 1);
        assertEquals(307, world.analogInput("front").read(), "300 / 1000 * 1023 = 306.9");
    }

    @Test
    void aSonarWithNothingInRangeReadsFullScale() throws Exception {
        World world = world("", 1);
        assertEquals(1023, world.analogInput("front").read(), "the far wall is 1400 mm from the rim");
    }

    @Test
    void aWideBeamSeesAnObstacleOffItsAxisThatANarrowOneMisses() throws Exception {
        World world = world("box x=800 y=560 width=100 height=100\n", 1);
        assertEquals(1023, world.analogInput("front").read());
        assertTrue(world.analogInput("wide").read() < 400, "the +15 degree ray meets the box about 200 mm out");
    }

    @Test
    void noiseIsSeededSoTheSameSeedGivesTheSameReadings() throws Exception {
        assertEquals(readings(world(WALL_AT_900, 7)), readings(world(WALL_AT_900, 7)));
        assertNotEquals(readings(world(WALL_AT_900, 7)), readings(world(WALL_AT_900, 8)));
    }

    @Test
    void noisyReadingsScatterAroundTheTrueDistance() throws Exception {
        World world = world(WALL_AT_900, 3);
        AnalogInput wide = world.analogInput("wide");
        long sum = 0;
        int distinct = 0;
        int previous = -1;
        for (int i = 0; i < 400; i++) {
            int counts = wide.read();
            sum += counts;
            distinct += counts != previous ? 1 : 0;
            previous = counts;
        }
        assertEquals(307, sum / 400.0, 3, "sd 20 mm is about 20 counts; the mean of 400 is within 3");
        assertTrue(distinct > 100);
    }

    @Test
    void aLightSensorFacingALampAtItsReachReadsHalfScale() throws Exception {
        World world = world("light x=900 y=500 intensity=1 reach=300\n", 1);
        assertEquals(512, world.analogInput("eye").read(), "0.5 * 1023 = 511.5, rounded half up");
    }

    @Test
    void aLightBehindTheSensorGivesNothing() throws Exception {
        World world = world("light x=100 y=500 intensity=1 reach=300\n", 1);
        assertEquals(0, world.analogInput("eye").read());
    }

    @Test
    void injectedFaultsStillFailASensorRead() throws Exception {
        World world = world(WALL_AT_900, 1);
        world.simBoard().faults().failNext("front", 1, ErrorKind.IO);
        AnalogInput front = world.analogInput("front");
        HalException failure = assertThrows(HalException.class, front::read);
        assertEquals(ErrorKind.IO, failure.kind());
        assertEquals(307, front.read());
    }

    private static String readings(World world) throws HalException {
        AnalogInput wide = world.analogInput("wide");
        StringBuilder readings = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            readings.append(wide.read()).append(' ');
        }
        return readings.toString();
    }
}
