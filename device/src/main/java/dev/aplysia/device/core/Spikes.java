package dev.aplysia.device.core;

/** A fixed-size set of neuron indices that spiked in the current tick, one bit per neuron. */
public final class Spikes {

    private final long[] words;
    private final int size;

    /** An empty set for {@code size} neurons. */
    public Spikes(int size) {
        this.size = size;
        this.words = new long[(size + 63) >>> 6];
    }

    /** Number of neurons. */
    public int size() {
        return size;
    }

    /** Marks neuron {@code i} as spiking. */
    public void set(int i) {
        checkIndex(i);
        words[i >>> 6] |= 1L << i;
    }

    /** True if neuron {@code i} spiked. */
    public boolean get(int i) {
        checkIndex(i);
        return (words[i >>> 6] & (1L << i)) != 0;
    }

    /** Empties the set. */
    public void clear() {
        java.util.Arrays.fill(words, 0L);
    }

    /** Number of neurons that spiked. */
    public int count() {
        int n = 0;
        for (long word : words) {
            n += Long.bitCount(word);
        }
        return n;
    }

    /** True if nobody spiked. */
    public boolean isEmpty() {
        for (long word : words) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }

    /** The first spiking index {@code >= from}, or -1. Iterate with {@code i = next(i + 1)}. */
    public int next(int from) {
        int w = from >>> 6;
        if (w >= words.length) {
            return -1;
        }
        long word = words[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == words.length) {
                return -1;
            }
            word = words[w];
        }
    }

    /** Bytes of state. */
    int bytes() {
        return words.length * Long.BYTES;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("neuron " + i + " outside 0.." + (size - 1));
        }
    }
}
