package dev.aplysia.host.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NearestNeighbourMemoryTest {

    @Test
    void answersTheLabelOfTheStoredVectorAtTheSmallestEuclideanDistance() {
        NearestNeighbourMemory memory = new NearestNeighbourMemory(2, 3);
        memory.store(new int[] {0, 0}, 7);
        memory.store(new int[] {3, 4}, 8);
        memory.store(new int[] {10, 0}, 9);

        assertEquals(8, memory.nearestLabel(new int[] {4, 4}), "1 from (3, 4), 4 from the others' nearest");
        assertEquals(9, memory.nearestLabel(new int[] {8, 0}), "2 from (10, 0), sqrt(41) from (3, 4)");
    }

    @Test
    void aTieGoesToTheVectorStoredFirst() {
        NearestNeighbourMemory memory = new NearestNeighbourMemory(1, 2);
        memory.store(new int[] {10}, 1);
        memory.store(new int[] {20}, 2);

        assertEquals(1, memory.nearestLabel(new int[] {15}));
    }

    @Test
    void storingCopiesTheVector() {
        NearestNeighbourMemory memory = new NearestNeighbourMemory(1, 2);
        int[] vector = {10};
        memory.store(vector, 1);
        vector[0] = 100;
        memory.store(new int[] {50}, 2);

        assertEquals(1, memory.nearestLabel(new int[] {20}));
    }

    @Test
    void anEmptyMemoryRefusesToAnswer() {
        NearestNeighbourMemory memory = new NearestNeighbourMemory(1, 1);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> memory.nearestLabel(new int[] {1}));

        assertEquals("nothing stored to compare with", e.getMessage());
    }

    @Test
    void aFullMemoryRefusesToStore() {
        NearestNeighbourMemory memory = new NearestNeighbourMemory(1, 1);
        memory.store(new int[] {1}, 0);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> memory.store(new int[] {2}, 0));

        assertEquals("memory full at 1 vectors", e.getMessage());
    }

    @Test
    void aVectorOfTheWrongWidthIsRejected() {
        NearestNeighbourMemory memory = new NearestNeighbourMemory(2, 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> memory.store(new int[] {1, 2, 3}, 0));

        assertEquals("vector has 3 components, memory holds 2", e.getMessage());
    }
}
