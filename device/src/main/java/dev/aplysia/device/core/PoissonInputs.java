package dev.aplysia.device.core;

import dev.aplysia.device.fixed.CounterRandom;
import dev.aplysia.device.fixed.GeometricIntervals;
import dev.aplysia.device.model.PoissonSpec;

/**
 * The spike schedule of a Poisson input population: per input the tick of its next spike, filed in a timing wheel
 * (a calendar of {@code W} buckets, bucket {@code due mod W}, each an intrusive list through {@code next}), so a tick
 * costs the walk of one bucket: the inputs that fire, plus those filed there for a later turn of the wheel (an
 * interval longer than {@code W}; {@code W} is the mean interval rounded up to a power of two, 64 to 1024, so about
 * a third of the intervals, at most, take such a second look). When an input fires at tick {@code t} its next interval is drawn from
 * {@code CounterRandom.draw(key(POISSON, t, lane), input)} ({@link GeometricIntervals}); the first intervals are drawn
 * at tick 0, when the schedule is built. A draw depends only on the seed, the tick, the lane and the input, so the
 * schedule is the same whatever order the wheel serves inputs in.
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
    private static final int MIN_WHEEL = 64;
    private static final int MAX_WHEEL = 1024;
    private static final int EMPTY = -1;

    private final int[] due;
    private final int[] next;
    private final int[] bucket;
    private final int mask;

    /**
     * The schedule of {@code size} inputs firing as {@code spec} says, drawing from the streams of {@code seed} on
     * random lane {@code lane}; every first interval is drawn at tick 0.
     */
    public PoissonInputs(PoissonSpec spec, int size, long seed, int lane) {
        this.random = new CounterRandom(seed);
        this.lane = lane;
        this.intervals = new GeometricIntervals(spec.probability());
        this.due = new int[size];
        this.next = new int[size];
        this.bucket = new int[wheelSize(spec.probability())];
        this.mask = bucket.length - 1;
        int key = random.key(CounterRandom.Stream.POISSON, 0, lane);
        for (int i = 0; i < size; i++) {
            due[i] = intervals.next(CounterRandom.draw(key, i));
        }
        refile();
    }

    /** The mean interval {@code 1/p} rounded up to a power of two, within [64, 1024]. */
    public static int wheelSize(double p) {
        int size = MIN_WHEEL;
        while (size < MAX_WHEEL && size < 1 / p) {
            size <<= 1;
        }
        return size;
    }

    /**
     * Writes tick {@code tick}'s spikes into {@code spikes} (cleared first) and draws the next interval of each input
     * that fired; returns the number of spikes.
     */
    public int generate(long tick, Spikes spikes) {
        spikes.clear();
        int now = (int) tick;
        int slot = now & mask;
        int input = bucket[slot];
        bucket[slot] = EMPTY;
        int fired = 0;
        int key = 0;
        while (input != EMPTY) {
            int following = next[input];
            if (due[input] == now) {
                if (fired == 0) {
                    key = random.key(CounterRandom.Stream.POISSON, tick, lane);
                }
                spikes.set(input);
                due[input] = now + intervals.next(CounterRandom.draw(key, input));
                fired++;
            }
            file(input);
            input = following;
        }
        return fired;
    }

    private void file(int input) {
        int slot = due[input] & mask;
        next[input] = bucket[slot];
        bucket[slot] = input;
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

    /** Turns the visited ticks to the next spike back into due ticks after {@code now}, and refiles the wheel. */
    void restore(long now) {
        for (int i = 0; i < due.length; i++) {
            due[i] += (int) now;
        }
        refile();
    }

    /** Bytes of state: a due tick and a list link per input, and the wheel's buckets. */
    long stateBytes() {
        return (long) due.length * (Integer.BYTES + Integer.BYTES) + (long) bucket.length * Integer.BYTES;
    }

    /** Files every input in the bucket of its due tick (inputs in ascending order, each pushed on its list). */
    private void refile() {
        java.util.Arrays.fill(bucket, EMPTY);
        for (int i = 0; i < due.length; i++) {
            file(i);
        }
    }
}
