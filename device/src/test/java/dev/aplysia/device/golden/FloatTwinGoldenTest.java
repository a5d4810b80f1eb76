package dev.aplysia.device.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.fixtures.golden.GoldenVector;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float twin against the same golden vectors, each column within the epsilon its scenario states (the core's own
 * rounding, bounded per mechanism in {@link GoldenScenarios}); spikes, ticks and the modulator must match exactly.
 */
class FloatTwinGoldenTest {

    static List<GoldenScenario> scenarios() {
        return GoldenScenarios.all();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theTwinStaysWithinEachColumnsEpsilonOfTheGoldenVector(GoldenScenario scenario) {
        GoldenVector golden = Fixtures.golden(scenario.name());
        double[][] twin = scenario.runTwin();
        assertEquals(golden.rows(), twin.length);
        for (int c = 0; c < scenario.columns().size(); c++) {
            Column column = scenario.columns().get(c);
            long[] raw = golden.column(column.name());
            for (int r = 0; r < twin.length; r++) {
                double core = raw[r] * column.realPerRaw();
                if (Math.abs(core - twin[r][c]) > column.epsilon()) {
                    assertEquals(core, twin[r][c], column.epsilon(),
                            scenario.name() + " row " + (r + 1) + " " + column.name());
                }
            }
        }
    }
}
