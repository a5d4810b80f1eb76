package dev.aplysia.host.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Six samples of three classes: two 0s (one decided 1), one 1 (right), three 2s (one decided 0). Four are right.
 */
class ConfusionMatrixTest {

    private static final int[] ACTUAL = {0, 0, 1, 2, 2, 2};
    private static final int[] DECIDED = {0, 1, 1, 2, 0, 2};
    private static final ConfusionMatrix SIX = ConfusionMatrix.tally(3, ACTUAL.length, i -> ACTUAL[i],
            i -> DECIDED[i]);

    @Test
    void eachSampleIsCountedInItsTrueRowAndItsDecidedColumn() {
        assertArrayEquals(new int[][] {{1, 1, 0}, {0, 1, 0}, {1, 0, 2}}, SIX.counts());
    }

    @Test
    void eachRowSumsToTheSamplesOfItsClass() {
        assertEquals(2, SIX.samplesOf(0));
        assertEquals(1, SIX.samplesOf(1));
        assertEquals(3, SIX.samplesOf(2));
        assertEquals(6, SIX.total());
    }

    @Test
    void theTraceOverTheTotalIsTheAccuracy() {
        assertEquals(4, SIX.correct());
        assertEquals(4 / 6.0, SIX.accuracy());
    }

    @Test
    void recallIsTheDiagonalOverTheRowAndAbsentForAClassWithoutSamples() {
        ConfusionMatrix four = ConfusionMatrix.tally(4, ACTUAL.length, i -> ACTUAL[i], i -> DECIDED[i]);

        assertEquals(OptionalDouble.of(0.5), four.recall(0));
        assertEquals(OptionalDouble.of(2 / 3.0), four.recall(2));
        assertEquals(OptionalDouble.empty(), four.recall(3));
    }

    @Test
    void decisionsAreAskedForOnceEachInIndexOrder() {
        List<Integer> asked = new ArrayList<>();

        ConfusionMatrix.tally(3, ACTUAL.length, i -> ACTUAL[i], i -> {
            asked.add(i);
            return DECIDED[i];
        });

        assertEquals(List.of(0, 1, 2, 3, 4, 5), asked);
    }

    @Test
    void rowMajorCountsReadBackIntoTheSameMatrix() {
        assertArrayEquals(new int[] {1, 1, 0, 0, 1, 0, 1, 0, 2}, SIX.rowMajor());
        assertEquals(SIX, ConfusionMatrix.ofRowMajor(3, SIX.rowMajor()));
    }

    @Test
    void theCountsAreCopiedSoTheMatrixCannotBeChangedFromOutside() {
        int[][] counts = {{1, 0}, {0, 1}};
        ConfusionMatrix matrix = new ConfusionMatrix(counts);

        counts[0][0] = 9;
        matrix.counts()[1][1] = 9;

        assertEquals(1, matrix.count(0, 0));
        assertEquals(1, matrix.count(1, 1));
    }

    @Test
    void aMatrixThatIsNotSquareOrHoldsANegativeCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(new int[][] {{1, 0}}));
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(new int[][] {{1, -1}, {0, 1}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.ofRowMajor(3, new int[8]));
        assertTrue(e.getMessage().contains("9 counts"), e.getMessage());
    }
}
