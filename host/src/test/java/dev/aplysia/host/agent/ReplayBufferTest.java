package dev.aplysia.host.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    @Test
    void aFullBufferKeepsItsCapacityAndEvictsTheOldestTransition() {
        ReplayBuffer buffer = new ReplayBuffer(3, 2);

        for (int t = 0; t < 5; t++) {
            buffer.add(new double[] {t, -t}, t % 3, t * 10, new double[] {t + 1, -t - 1});
        }

        assertEquals(3, buffer.size());
        assertEquals(20, buffer.reward(0), "transitions 0 and 1 were evicted");
        assertEquals(30, buffer.reward(1));
        assertEquals(40, buffer.reward(2));
        assertEquals(1, buffer.action(2));
        double[] state = new double[2];
        buffer.state(0, state);
        assertArrayEquals(new double[] {2, -2}, state);
        buffer.nextState(2, state);
        assertArrayEquals(new double[] {5, -5}, state);
    }

    @Test
    void aBufferBelowCapacityHoldsEveryTransitionOldestFirst() {
        ReplayBuffer buffer = new ReplayBuffer(4, 1);

        buffer.add(new double[] {1}, 0, 0.5, new double[] {2});
        buffer.add(new double[] {2}, 2, -1, new double[] {3});

        assertEquals(2, buffer.size());
        assertEquals(0.5, buffer.reward(0));
        assertEquals(2, buffer.action(1));
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.reward(2));
    }

    @Test
    void itsStateIsTwoFloat32VectorsAFloat32RewardAndAByteActionPerSlotAtCapacity() {
        assertEquals(100 * (2 * 4 * 9 + 4 + 1), new ReplayBuffer(100, 9).stateBytes());
    }
}
