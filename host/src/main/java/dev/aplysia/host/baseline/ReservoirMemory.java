package dev.aplysia.host.baseline;

import dev.aplysia.device.fixed.Prng;
import dev.aplysia.fixtures.dataset.DigitSet;

/**
 * A fixed number of stored samples kept as a uniform random sample of the stream (reservoir sampling, Algorithm R,
 * from a seeded {@link Prng}); flagged samples, once stored, are never evicted while unflagged ones remain.
 * Shared by the memory baselines: 1-NN classifies from it, backprop with replay rehearses it.
 */
final class ReservoirMemory {

    /** Bookkeeping a board holds beside the samples: the count seen (4 bytes) and the PRNG state (16 bytes). */
    static final int OVERHEAD_BYTES = Integer.BYTES + 4 * Integer.BYTES;

    private final int capacity;
    private final byte[] pixels;
    private final byte[] labels;
    private final boolean[] flagged;
    private final Prng prng;
    private int size;
    private int seen;

    ReservoirMemory(int capacity, long seed) {
        this.capacity = capacity;
        this.pixels = new byte[capacity * DigitSet.PIXELS];
        this.labels = new byte[capacity];
        this.flagged = new boolean[capacity];
        this.prng = new Prng(seed);
    }

    /** Offers a sample: stored while there is room, then in place of a random one with probability capacity/seen. */
    void offer(DigitSet set, int row, boolean significant) {
        seen++;
        int slot;
        if (size < capacity) {
            slot = size++;
        } else if (significant) {
            slot = unflaggedSlot();
        } else {
            int draw = (int) (((prng.nextInt() & 0xFFFFFFFFL) * seen) >>> 32);
            slot = draw < capacity && !flagged[draw] ? draw : -1;
        }
        if (slot >= 0) {
            store(slot, set, row, significant);
        }
    }

    private int unflaggedSlot() {
        int start = prng.nextBelow(capacity);
        for (int k = 0; k < capacity; k++) {
            int slot = (start + k) % capacity;
            if (!flagged[slot]) {
                return slot;
            }
        }
        return -1;
    }

    private void store(int slot, DigitSet set, int row, boolean significant) {
        for (int p = 0; p < DigitSet.PIXELS; p++) {
            pixels[slot * DigitSet.PIXELS + p] = (byte) set.pixel(row, p);
        }
        labels[slot] = (byte) set.label(row);
        flagged[slot] = significant;
    }

    /** Samples stored. */
    int size() {
        return size;
    }

    /** A stored sample drawn uniformly, as a slot index; the memory must not be empty. */
    int randomSlot() {
        return prng.nextBelow(size);
    }

    /** The label of slot {@code slot}. */
    int label(int slot) {
        return labels[slot];
    }

    /** Writes slot {@code slot}'s pixels into {@code into}, scaled to [0, 1] ({@code pixel / 16}). */
    void inputs(int slot, double[] into) {
        for (int p = 0; p < DigitSet.PIXELS; p++) {
            into[p] = pixels[slot * DigitSet.PIXELS + p] / (double) DigitSet.MAX_PIXEL;
        }
    }

    /** The label of the stored sample nearest (Euclidean) to row {@code row}; ties go to the earlier slot. */
    int nearestLabel(DigitSet set, int row) {
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int slot = 0; slot < size; slot++) {
            int d = StoredDigit.distance(pixels, slot * DigitSet.PIXELS, set, row);
            if (d < bestDistance) {
                bestDistance = d;
                best = slot;
            }
        }
        return best < 0 ? 0 : labels[best];
    }

    /** Bytes a board holds: every slot packed as {@link StoredDigit}, plus {@link #OVERHEAD_BYTES}. */
    long stateBytes() {
        return (long) capacity * StoredDigit.BYTES + OVERHEAD_BYTES;
    }
}
