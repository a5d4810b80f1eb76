package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.command.Ack;
import dev.aplysia.device.command.CommandProcessor;
import dev.aplysia.device.command.RateLimit;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.Scenario;
import dev.aplysia.hal.sim.ScenarioResult;
import dev.aplysia.hal.sim.ScenarioRunner;
import dev.aplysia.hal.sim.ScenarioTarget;
import dev.aplysia.hal.sim.SimBoard;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirmwareScenarioTest {

    private final List<Ack> acks = new ArrayList<>();
    private Firmware firmware;

    /**
     * Plays a scenario; {@code signal halt 1} and {@code signal halt 0} arrive as {@code cmd/halt} and
     * {@code cmd/resume} payloads, applied between ticks as over MQTT.
     */
    private ScenarioResult run(String source, String scenarioText) throws HalException {
        SimBoard board = SimBoard.of(RobotBench.board());
        FirmwareConfig config = RobotBench.config(McuProfile.RP2040);
        firmware = new Firmware(config, board, FirmwareEvents.NONE);
        CommandProcessor commands = new CommandProcessor(FirmwareCommands.specs(config.classifier(),
                new CommandAccess(CommandAccess.DEFAULT, new RateLimit(20, board.clock()))), 8);
        FirmwareRunner runner = new FirmwareRunner(firmware, new FirmwareCommands(commands, firmware));
        return new ScenarioRunner(board, new ScenarioTarget() {
            @Override
            public void advance(long nanos) {
                runner.runFor(nanos);
                for (Ack ack = commands.nextAck(); ack != null; ack = commands.nextAck()) {
                    acks.add(ack);
                }
            }

            @Override
            public void signal(String name, String value) {
                if (name.equals("halt")) {
                    String command = value.equals("1") ? FirmwareCommands.HALT : FirmwareCommands.RESUME;
                    commands.accept(command, "{}".getBytes(StandardCharsets.UTF_8));
                } else {
                    firmware.signalModulator(Double.parseDouble(value));
                }
            }
        }).run(Scenario.parse(source, scenarioText));
    }

    private ScenarioResult run(String scenarioText) throws HalException {
        return run("teach-two-situations.scenario", scenarioText);
    }

    @Test
    void aRobotTaughtTwoSituationsDrivesEachOneByItself() throws HalException {
        ScenarioResult result = run(RobotBench.text("teach-two-situations.scenario"));

        assertTrue(result.passed(), result.toString());
        assertEquals(6, result.expectations());
    }

    @Test
    void aHaltCommandHoldsEveryOutputAtItsSafeValueUntilResumeDrivesAgain() throws HalException {
        ScenarioResult result = run("halt-and-resume.scenario", RobotBench.text("halt-and-resume.scenario"));

        assertTrue(result.passed(), result.toString());
        assertEquals(12, result.expectations());
        assertEquals(List.of(new Ack("halt", null, null), new Ack("resume", null, null)), acks);
        assertEquals(1, firmware.counters().halts());
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
