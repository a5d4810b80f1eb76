package dev.aplysia.device.reward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RangeCodeTest {

    private static final int A = RangeCode.ACTIVE;

    /** A sensor's block of features, all inactive, with a sentinel either side that coding must leave alone. */
    private static int[] block() {
        int[] features = new int[RangeCode.FEATURES + 2];
        features[0] = -1;
        features[features.length - 1] = -1;
        return features;
    }

    /** The block with the features a reading at {@code fraction} sets. */
    private static int[] coded(int fraction) {
        int[] features = block();
        RangeCode.code(fraction, features, 1);
        return features;
    }

    /** The block with the features at {@code indices} active. */
    private static int[] expected(int... indices) {
        int[] features = block();
        for (int j : indices) {
            features[1 + j] = A;
        }
        return features;
    }

    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    @Test
    void aTouchSetsEveryNearFeatureAndNoFarOne() {
        assertArrayEquals(expected(range(0, 24)), coded(0));
    }

    @Test
    void aNearReadingSetsItsStepAndEveryFartherNearStep() {
        assertArrayEquals(expected(range(3, 24)), coded(3 * 167));
        assertArrayEquals(expected(range(2, 24)), coded(3 * 167 - 1));
        assertArrayEquals(expected(22, 23), coded(23 * 167 - 1));
    }

    @Test
    void theLastNearStepRunsFromTheFineStepsToTheNearEdge() {
        assertArrayEquals(expected(23), coded(23 * 167));
        assertArrayEquals(expected(23), coded(7999));
    }

    @Test
    void aFarReadingSetsOneBinAboveTheNearZone() {
        assertArrayEquals(expected(24), coded(8000));
        assertArrayEquals(expected(24), coded(12999));
        assertArrayEquals(expected(25), coded(13000));
        assertArrayEquals(expected(26), coded(20000));
        assertArrayEquals(expected(26), coded(DriveReward.ONE));
    }
}
