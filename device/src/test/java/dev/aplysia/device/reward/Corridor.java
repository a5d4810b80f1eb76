package dev.aplysia.device.reward;

import dev.aplysia.device.firmware.Firmware;
import dev.aplysia.device.firmware.FirmwareEvents;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.SimBoard;

/**
 * A toy 1-D corridor on a simulated board, a stand-in for the 2D world: the front sonar reads the distance to a wall
 * that forward brings 100 counts closer; a turn faces open corridor again (1000 counts); driving forward from 100
 * counts hits the wall (bump, and the robot stays at 100). The side sonars read a constant 500 counts.
 */
final class Corridor {

    static final String BOARD = String.join("\n",
            "adc adc0 type=mcp3008 spi=1 cs=2",
            "analog sonar0 adc=adc0 channel=0",
            "analog sonar1 adc=adc0 channel=1",
            "analog sonar2 adc=adc0 channel=2",
            "digital-in bump pin=5 pull=down",
            "pwm motor-left pin=12 chip=0 channel=0 frequency=1000 maxduty=1000",
            "pwm motor-right pin=13 chip=0 channel=1 frequency=1000 maxduty=1000", "");
    static final int OPEN = 1000;
    static final int STEP = 100;
    /** What the side sonars read. */
    static final int SIDE = 500;

    final SimBoard board;
    final Firmware firmware;
    private int distance = OPEN;
    long collisions;

    Corridor(RewardConfig config, FirmwareEvents events) throws HalException {
        this.board = SimBoard.of(board());
        this.firmware = RewardWiring.firmware(config, board, events);
        show(false);
    }

    static BoardConfig board() throws HalException {
        return BoardConfig.parse("corridor.board", BOARD);
    }

    static RewardConfig config(long seed) throws HalException {
        return RewardWiring.config(board(), McuProfile.PI_NATIVE, "corridor", seed);
    }

    /** Runs one decision period, then moves the robot by the action it drove. */
    void period() throws HalException {
        for (int t = 0; t < RewardWiring.TICKS_PER_DECISION; t++) {
            firmware.doWork();
        }
        int left = board.pwmOutput("motor-left").duty();
        int right = board.pwmOutput("motor-right").duty();
        boolean bumped = false;
        if (left == right && left > 0) {
            bumped = distance - STEP < STEP;
            distance = Math.max(STEP, distance - STEP);
        } else if (left != right) {
            distance = OPEN;
        }
        collisions += bumped ? 1 : 0;
        show(bumped);
    }

    /** Drives the sonars with the wall at {@code counts} and the bump switch. */
    void place(int counts, boolean bumped) throws HalException {
        distance = counts;
        show(bumped);
    }

    private void show(boolean bumped) throws HalException {
        board.analogInput("sonar0").drive(distance);
        board.analogInput("sonar1").drive(SIDE);
        board.analogInput("sonar2").drive(SIDE);
        board.digitalInput("bump").drive(bumped);
    }
}
