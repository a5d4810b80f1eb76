package dev.aplysia.hal.world;

import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.HalException;

/**
 * The small world the world's tests share: a 100 mm robot with wheels 100 mm apart and 200 mm/s at full duty (so a
 * duty of 500 of 1000 is 100 mm/s), facing +x from (500, 500) in a 2000 by 1000 mm room. Sonar {@code front} has one
 * ray, {@code wide} five across 30 degrees with 20 mm of noise; both reach 1000 mm and read 0..1023.
 */
final class WorldBench {

    static final String BOARD = """
            pwm          motor-left           pin=12 channel=0 maxduty=1000
            pwm          motor-right          pin=13 channel=1 maxduty=1000
            digital-out  motor-left-reverse   pin=5
            digital-out  motor-right-reverse  pin=6
            digital-in   bump                 pin=17
            digital-in   tick-left            pin=23
            adc          adc0                 type=mcp3008 spi=0 cs=0
            analog       front                adc=adc0 channel=0
            analog       wide                 adc=adc0 channel=1
            analog       eye                  adc=adc0 channel=2
            """;

    static final String ROBOT = """
            body          radius=100 wheelbase=100 maxspeed=200
            motor         left   pwm=motor-left   reverse=motor-left-reverse
            motor         right  pwm=motor-right  reverse=motor-right-reverse
            sonar         front  angle=0 range=1000
            sonar         wide   angle=0 range=1000 beam=30 rays=5 noise=20
            light-sensor  eye    angle=0
            bump          bump
            encoder       tick-left wheel=left pitch=10
            """;

    static final String ROOM = """
            arena  width=2000 height=1000
            start  x=500 y=500 heading=0
            """;

    private WorldBench() {
    }

    /** The bench robot in {@link #ROOM} plus {@code extraLines}, with noise seed {@code seed}. */
    static World world(String extraLines, long seed) throws HalException {
        return World.of(BoardConfig.parse("bench.board", BOARD), RobotSpec.parse("bench.robot", ROBOT),
                Arena.parse("room.txt", ROOM + extraLines), seed);
    }

    /** Sets both motors' duty (0..1000) and direction. */
    static void drive(World world, int leftDuty, boolean leftBack, int rightDuty, boolean rightBack)
            throws HalException {
        world.digitalOutput("motor-left-reverse").set(leftBack);
        world.digitalOutput("motor-right-reverse").set(rightBack);
        world.pwmOutput("motor-left").setDuty(leftDuty);
        world.pwmOutput("motor-right").setDuty(rightDuty);
    }

    /** Lets {@code millis} of board time pass. */
    static void run(World world, long millis) {
        world.clock().advance(millis * 1_000_000L);
    }
}
