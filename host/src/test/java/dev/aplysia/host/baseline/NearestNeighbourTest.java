package dev.aplysia.host.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.fixtures.dataset.DigitSet;
import org.junit.jupiter.api.Test;

class NearestNeighbourTest {

    private static final DigitSet TRAIN = TinyDigits.of(new int[] {0, 3}, new int[] {8, 5}, new int[] {16, 7});
    private static final DigitSet QUERIES = TinyDigits.of(new int[] {1, 3}, new int[] {9, 5}, new int[] {15, 7},
            new int[] {4, 3});

    @Test
    void aSampleIsStoredIn41BytesFivePerPixelAndFourForTheLabel() {
        assertEquals(5, StoredDigit.PIXEL_BITS);
        assertEquals(41, StoredDigit.BYTES);
    }

    @Test
    void theBudgetBuysWholeSamplesAfterTheBookkeeping() {
        NearestNeighbour memory = new NearestNeighbour(20 + 3 * 41 + 40, 1);
        for (int row = 0; row < TRAIN.size(); row++) {
            memory.learn(TRAIN, row, false);
        }
        assertEquals(3, memory.stored());
        assertEquals(20 + 3 * 41, memory.stateBytes());
    }

    @Test
    void eachQueryTakesTheLabelOfTheNearestStoredSampleTiesToTheEarlierOne() {
        NearestNeighbour memory = new NearestNeighbour(1 << 10, 1);
        for (int row = 0; row < TRAIN.size(); row++) {
            memory.learn(TRAIN, row, false);
        }
        assertEquals(3, memory.classify(QUERIES, 0));
        assertEquals(5, memory.classify(QUERIES, 1));
        assertEquals(7, memory.classify(QUERIES, 2));
        assertEquals(3, memory.classify(QUERIES, 3), "4 is as near to 0 as to 8: the earlier sample wins");
    }

    @Test
    void aFullMemoryKeepsAUniformSampleOfTheStream() {
        DigitSet stream = TinyDigits.of(new int[] {0, 0}, new int[] {16, 1});
        int[] kept = new int[2];
        for (long seed = 1; seed <= 400; seed++) {
            NearestNeighbour memory = new NearestNeighbour(20 + 41, seed);
            memory.learn(stream, 0, false);
            memory.learn(stream, 1, false);
            kept[memory.classify(stream, 0)]++;
        }
        assertEquals(200, kept[0], 40, "the first sample survives the second with probability 1/2");
    }
}
