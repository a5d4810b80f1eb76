package dev.aplysia.device.reward;

import dev.aplysia.device.core.Spikes;
import java.util.Arrays;

/**
 * The reward robot's readout of its action neurons over a decision window: the most spiking action, and of those
 * tied the one that fired first. In a 1-winner-take-all population the neuron driven hardest reaches threshold first,
 * so the first spike breaks a tie by the drive; a tie going to the previous action instead kept the robot driving
 * into a wall whenever a refractory ceiling capped two actions at the same count (decision 165). Integer-only; nothing
 * allocated after construction.
 */
final class ActionRace {

    /** First-spike tick of an action that has not fired in the window. */
    private static final int NOT_FIRED = Integer.MAX_VALUE;

    private final int[] counts;
    private final int[] firstSpike;
    private int tick;

    /** A race among {@code actions} neurons. */
    ActionRace(int actions) {
        this.counts = new int[actions];
        this.firstSpike = new int[actions];
        start();
    }

    /** Starts a decision window. */
    void start() {
        Arrays.fill(counts, 0);
        Arrays.fill(firstSpike, NOT_FIRED);
        tick = 0;
    }

    /** Counts one tick's spikes of the action neurons. */
    void observe(Spikes spikes) {
        for (int a = spikes.next(0); a >= 0; a = spikes.next(a + 1)) {
            counts[a]++;
            if (firstSpike[a] == NOT_FIRED) {
                firstSpike[a] = tick;
            }
        }
        tick++;
    }

    /** The window's winner; {@code fallback} if no action neuron fired. */
    int winner(int fallback) {
        int best = fallback;
        for (int a = 0; a < counts.length; a++) {
            if (counts[a] > counts[best] || counts[a] == counts[best] && firstSpike[a] < firstSpike[best]) {
                best = a;
            }
        }
        return best;
    }

    /** Spikes of action {@code a} in this window. */
    int count(int a) {
        return counts[a];
    }
}
