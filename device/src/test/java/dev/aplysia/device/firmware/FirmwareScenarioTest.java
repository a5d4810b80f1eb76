package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.Scenario;
import dev.aplysia.hal.sim.ScenarioResult;
import dev.aplysia.hal.sim.ScenarioRunner;
import dev.aplysia.hal.sim.ScenarioTarget;
import dev.aplysia.hal.sim.SimBoard;
import org.junit.jupiter.api.Test;

class FirmwareScenarioTest {

    private static ScenarioResult run(String scenarioText) throws HalException {
        SimBoard board = SimBoard.of(RobotBench.board());
        Firmware firmware = new Firmware(RobotBench.config(McuProfile.RP2040), board, FirmwareEvents.NONE);
        FirmwareRunner runner = new FirmwareRunner(firmware);
        return new ScenarioRunner(board, new ScenarioTarget() {
            @Override
            public void advance(long nanos) {
                runner.runUntil(board.clock().nanos() + nanos);
            }

            @Override
            public void signal(String name, String value) {
                firmware.signalModulator(Double.parseDouble(value));
            }
        }).run(Scenario.parse("teach-two-situations.scenario", scenarioText));
    }

    @Test
    void aRobotTaughtTwoSituationsDrivesEachOneByItself() throws HalException {
        ScenarioResult result = run(RobotBench.text("teach-two-situations.scenario"));

        assertTrue(result.passed(), result.toString());
        assertEquals(6, result.expectations());
    }

    @Test
    void anUnmetExpectationIsReportedWithItsLineAndTheActualOutput() throws HalException {
        String wrong = RobotBench.text("teach-two-situations.scenario")
                .replace("expect motor-left 500", "expect motor-left 200");

        ScenarioResult result = run(wrong);

        assertFalse(result.passed());
        assertEquals(1, result.failures().size());
        ScenarioResult.Failure failure = result.failures().get(0);
        assertEquals("motor-left", failure.channel());
        assertEquals(500, failure.actual());
        assertTrue(failure.line() > 30, "line " + failure.line());
    }
}
