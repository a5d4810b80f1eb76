package dev.aplysia.host.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.host.backprop.Mlp;
import org.junit.jupiter.api.Test;

class BackpropTest {

    @Test
    void theNetworkIsTheWidestThatFitsTheBudget() {
        int hidden = Backprop.hiddenFor(16 << 10);
        assertTrue(new Mlp(64, hidden, 10, 1).stateBytes() <= 16 << 10);
        assertTrue(new Mlp(64, hidden + 1, 10, 1).stateBytes() > 16 << 10);
        assertEquals(hidden, Backprop.plain(16 << 10, 0.03, 1).hidden());
    }

    @Test
    void withReplayHalfTheBudgetIsTheNetworkAndTheRestWholeStoredSamples() {
        long budget = 16 << 10;
        Backprop replay = Backprop.withReplay(budget, 0.03, 1);
        assertEquals(Backprop.hiddenFor(budget / 2), replay.hidden());
        long network = new Mlp(64, replay.hidden(), 10, 1).stateBytes();
        long buffer = (budget - budget / 2 - 20) / 41 * 41 + 20;
        assertEquals(network + buffer, replay.stateBytes());
        assertTrue(replay.stateBytes() <= budget);
    }

    @Test
    void aBudgetBelowTheSmallestNetworkIsRefusedSayingWhy() {
        var e = assertThrows(IllegalArgumentException.class, () -> Backprop.hiddenFor(100));
        assertTrue(e.getMessage().contains("100 bytes"), e.getMessage());
    }
}
