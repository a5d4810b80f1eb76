package dev.aplysia.host.cli;

import dev.aplysia.device.export.CRobotProject;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.SimBoard;

/** The simulated board on which {@code export c --network robot} runs the Java firmware for the check's transcript. */
final class SimRobotBench implements CRobotProject.Bench {

    private final SimBoard board;

    SimRobotBench(BoardConfig config) {
        board = SimBoard.of(config);
    }

    @Override
    public SimBoard board() {
        return board;
    }

    @Override
    public void driveAnalog(String name, int counts) throws HalException {
        board.analogInput(name).drive(counts);
    }

    @Override
    public void driveDigital(String name, boolean high) throws HalException {
        board.digitalInput(name).drive(high);
    }

    @Override
    public int duty(String name) throws HalException {
        return board.pwmOutput(name).duty();
    }
}
