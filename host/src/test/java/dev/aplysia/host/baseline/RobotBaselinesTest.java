package dev.aplysia.host.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aplysia.fixtures.dataset.RobotTrace;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each baseline on a hand-built trace whose figures can be worked out on paper. */
class RobotBaselinesTest {

    private static final int FORWARD = RobotTrace.MOVE_FORWARD;
    private static final int SLIGHT_RIGHT = RobotTrace.SLIGHT_RIGHT_TURN;
    private static final int SHARP_RIGHT = RobotTrace.SHARP_RIGHT_TURN;
    /** 24 distances of 2 bytes and a 1-byte command. */
    private static final int ROW_BYTES = 49;

    @Test
    void repeatPreviousScoresTheTestRowsWhoseCommandEqualsThePreviousRowsTheFirstComparedWithTheLastTrainingRow() {
        RobotTrace trace = trace(new int[][] {{FORWARD, 500}, {FORWARD, 500}, {SLIGHT_RIGHT, 500},
            {SLIGHT_RIGHT, 500}, {SLIGHT_RIGHT, 500}, {SHARP_RIGHT, 500}});

        Baseline baseline = RobotBaselines.repeatPrevious(trace, 3);

        assertEquals(new Baseline("repeat-previous", 2 / 3.0, 1), baseline);
    }

    @Test
    void nearestNeighbourPredictsEachTestRowFromTheRowsBeforeItGrowingOrFrozenAfterTraining() {
        // Training: 1000 mm is forward, 3000 mm sharp right. Test: 2900 mm (slight right, nearest 3000: both miss),
        // 2880 mm (slight right, nearest 2900 once stored: only the growing memory hits), 1100 mm (both hit).
        RobotTrace trace = trace(new int[][] {{FORWARD, 1000}, {SHARP_RIGHT, 3000},
            {SLIGHT_RIGHT, 2900}, {SLIGHT_RIGHT, 2880}, {FORWARD, 1100}});

        List<Baseline> baselines = RobotBaselines.nearestNeighbour(trace, 2);

        assertEquals(List.of(new Baseline("1-nn-prequential", 2 / 3.0, 5 * ROW_BYTES),
                new Baseline("1-nn-frozen", 1 / 3.0, 2 * ROW_BYTES)), baselines);
    }

    @Test
    void logisticRegressionSeparatesNearFromFarWalls() {
        RobotTrace trace = trace(new int[][] {{FORWARD, 500}, {SHARP_RIGHT, 3000}, {FORWARD, 600},
            {SHARP_RIGHT, 2900}, {FORWARD, 400}, {SHARP_RIGHT, 3100}, {FORWARD, 700}, {SHARP_RIGHT, 2000}});

        Baseline baseline = RobotBaselines.logisticRegression(trace, 6, 1);

        assertEquals(1.0, baseline.accuracy());
        assertEquals(4 * (4 * (24 + 1) + 2 * 24), baseline.stateBytes(), "100 parameters, 48 standardisation values");
    }

    @Test
    void everyBaselineIsListedOnceInItsDocumentedOrder() {
        RobotTrace trace = trace(new int[][] {{FORWARD, 500}, {SHARP_RIGHT, 3000}, {FORWARD, 600},
            {SHARP_RIGHT, 2900}});

        List<String> names = RobotBaselines.on(trace, 2, 1).stream().map(Baseline::name).toList();

        assertEquals(List.of("repeat-previous", "logistic-regression", "mlp-offline", "1-nn-prequential",
                "1-nn-frozen"), names);
    }

    @Test
    void aSplitLeavingNoTestRowsIsRejectedNamingTheValidRange() {
        RobotTrace trace = trace(new int[][] {{FORWARD, 500}, {SHARP_RIGHT, 3000}, {FORWARD, 600}});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RobotBaselines.on(trace, 3, 1));

        assertEquals("training stretch of 3 rows leaves a stretch empty in a trace of 3 rows; need 1..2",
                e.getMessage());
    }

    /** A trace of rows {@code {command, millimetres}}, every sensor reading {@code millimetres}. */
    private static RobotTrace trace(int[][] rows) {
        StringBuilder text = new StringBuilder();
        for (int[] row : rows) {
            String metres = String.format("%d.%03d", row[1] / 1000, row[1] % 1000);
            text.append(String.join(",", Collections.nCopies(RobotTrace.SENSORS, metres))).append(',')
                    .append(RobotTrace.commandName(row[0])).append('\n');
        }
        return RobotTrace.parse("hand-built", text.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
