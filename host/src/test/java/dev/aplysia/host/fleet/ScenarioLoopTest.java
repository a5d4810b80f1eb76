package dev.aplysia.host.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.Scenario;
import dev.aplysia.hal.sim.ScenarioRunner;
import dev.aplysia.hal.sim.ScenarioTarget;
import dev.aplysia.hal.sim.SimBoard;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scenario looped a slice of time at a time: its steps at their instants, over and over. */
class ScenarioLoopTest {

    private final SimBoard board = SimBoard.builder().analogInput("sonar", 1000).digitalOutput("led").build();
    private final List<String> timeline = new ArrayList<>();
    private final ScenarioRunner runner = new ScenarioRunner(board, new ScenarioTarget() {
        @Override
        public void advance(long nanos) {
            throw new AssertionError("a loop's instants never advance by themselves");
        }

        @Override
        public void signal(String name, String value) {
        }
    });

    @Test
    void stepsArePlayedAtTheirInstantsAndTheScenarioStartsAgainAfterItsEnd() throws HalException {
        ScenarioLoop loop = ScenarioLoop.of(Scenario.parse("two.scenario",
                "set sonar 100\nadvance 3ms\nset sonar 900\nadvance 2ms\n"));

        loop.play(12_000_000, runner, nanos -> timeline.add(sonar() + "x" + nanos / 1_000_000));

        assertEquals(List.of("100x3", "900x2", "100x3", "900x2", "100x2"), timeline);
    }

    private int sonar() {
        try {
            return board.analogInput("sonar").read();
        } catch (HalException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void expectationsAreCountedEveryTimeTheyArePlayed() throws HalException {
        ScenarioLoop loop = ScenarioLoop.of(Scenario.parse("expect.scenario", "expect led 1\nadvance 1ms\n"));

        loop.play(3_000_000, runner, nanos -> { });

        assertEquals(3, loop.expectations());
        assertEquals(3, loop.failures());
        assertTrue(loop.firstFailure().toString().contains("expect.scenario:1"), loop.firstFailure().toString());
    }

    @Test
    void aScenarioThatNeverAdvancesCannotBeLooped() throws HalException {
        Scenario still = Scenario.parse("still.scenario", "set sonar 100\n");

        HalException e = assertThrows(HalException.class, () -> ScenarioLoop.of(still));
        assertTrue(e.getMessage().contains("still.scenario: the scenario never advances time"), e.getMessage());
    }
}
