package dev.aplysia.device.core;

import dev.aplysia.device.fixed.CounterRandom;
import dev.aplysia.device.fixed.GeometricIntervals;
import dev.aplysia.device.model.PoissonSpec;

/**
 * The spike schedule of a Poisson input population: per input the tick of its next spike, and a binary min-heap of
 * the inputs by that tick, so a tick costs one comparison plus the work of the inputs that fire, not a draw per
 * input. When an input fires at tick {@code t} its next interval is drawn from
 * {@code CounterRandom.draw(key(POISSON, t, lane), input)} ({@link GeometricIntervals}); the first intervals are drawn
 * at tick 0, when the schedule is built. A draw depends only on the seed, the tick, the lane and the input, so the
 * schedule is the same whatever order the heap pops inputs in.
 *
 * <p>Due ticks are the low 32 bits of the network's tick (they wrap), compared by signed difference: every interval
 * is at most {@link GeometricIntervals#MAX_INTERVAL} = 2^30 ticks, so a due tick is never more than 2^30 ahead and the
 * difference never overflows. Nothing here allocates after construction.
 */
public final class PoissonInputs {

    /** The values a visited schedule may hold: ticks from the network's tick to each input's next spike. */
    static final ValueRange TICKS_TO_NEXT_SPIKE = new ValueRange(
            "the ticks to an input's next spike (an interval is 1 to 2^30 ticks)", 1, GeometricIntervals.MAX_INTERVAL);

    private final CounterRandom random;
    private final int lane;
    private final GeometricIntervals intervals;
    private final int[] due;
    private final int[] heap;

    /**
     * The schedule of {@code size} inputs firing as {@code spec} says, drawing from the streams of {@code seed} on
     * random lane {@code lane}; every first interval is drawn at tick 0.
     */
    public PoissonInputs(PoissonSpec spec, int size, long seed, int lane) {
        this.random = new CounterRandom(seed);
        this.lane = lane;
        this.intervals = new GeometricIntervals(spec.probability());
        this.due = new int[size];
        this.heap = new int[size];
        int key = random.key(CounterRandom.Stream.POISSON, 0, lane);
        for (int i = 0; i < size; i++) {
            due[i] = intervals.next(CounterRandom.draw(key, i));
        }
        heapify();
    }

    /**
     * Writes tick {@code tick}'s spikes into {@code spikes} (cleared first) and draws the next interval of each input
     * that fired; returns the number of spikes.
     */
    public int generate(long tick, Spikes spikes) {
        spikes.clear();
        int now = (int) tick;
        int fired = 0;
        int key = 0;
        while (ticksUntil(due[heap[0]], now) <= 0) {
            if (fired == 0) {
                key = random.key(CounterRandom.Stream.POISSON, tick, lane);
            }
            int input = heap[0];
            spikes.set(input);
            due[input] = now + intervals.next(CounterRandom.draw(key, input));
            siftDown(0);
            fired++;
        }
        return fired;
    }

    /** Ticks from {@code now} to {@code due}: the signed difference of two wrapped 32-bit ticks (it wraps). */
    private static int ticksUntil(int due, int now) {
        return due - now;
    }

    /**
     * Turns the due ticks into ticks after {@code now} (1 .. 2^30, {@link #TICKS_TO_NEXT_SPIKE}) in place, for a
     * state visit; {@link #restore} turns them back.
     */
    int[] ticksToNextSpike(long now) {
        for (int i = 0; i < due.length; i++) {
            due[i] = ticksUntil(due[i], (int) now);
        }
        return due;
    }

    /** Turns the visited ticks to the next spike back into due ticks after {@code now}, and rebuilds the heap. */
    void restore(long now) {
        for (int i = 0; i < due.length; i++) {
            due[i] += (int) now;
        }
        heapify();
    }

    /** Bytes of state: a due tick and a heap slot per input. */
    long stateBytes() {
        return (long) due.length * (Integer.BYTES + Integer.BYTES);
    }

    private void heapify() {
        for (int k = 0; k < heap.length; k++) {
            heap[k] = k;
        }
        for (int k = heap.length / 2 - 1; k >= 0; k--) {
            siftDown(k);
        }
    }

    private void siftDown(int from) {
        int k = from;
        int input = heap[k];
        int half = heap.length >>> 1;
        while (k < half) {
            int child = 2 * k + 1;
            if (child + 1 < heap.length && earlier(heap[child + 1], heap[child])) {
                child++;
            }
            if (!earlier(heap[child], input)) {
                break;
            }
            heap[k] = heap[child];
            k = child;
        }
        heap[k] = input;
    }

    private boolean earlier(int a, int b) {
        return ticksUntil(due[a], due[b]) < 0;
    }
}
