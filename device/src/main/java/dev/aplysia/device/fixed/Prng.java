package dev.aplysia.device.fixed;

/**
 * A sequential generator for the host's learners (backprop, baselines, reservoirs): xoshiro128** (32-bit state
 * words), seeded through SplitMix64. The device core does not use it: its draws are counter-based
 * ({@link CounterRandom}), so they do not depend on visit order. The same seed gives the same sequence on every JVM.
 */
public final class Prng {

    private int s0;
    private int s1;
    private int s2;
    private int s3;

    /** Seeds the generator; any seed (including 0) gives a valid, non-zero state. */
    public Prng(long seed) {
        long x = seed;
        long a = splitMix(x += 0x9E3779B97F4A7C15L);
        long b = splitMix(x + 0x9E3779B97F4A7C15L);
        s0 = (int) a;
        s1 = (int) (a >>> 32);
        s2 = (int) b;
        s3 = (int) (b >>> 32);
        if ((s0 | s1 | s2 | s3) == 0) {
            s0 = 1;
        }
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 32 uniformly random bits. */
    public int nextInt() {
        int result = Integer.rotateLeft(s1 * 5, 7) * 9;
        int t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Integer.rotateLeft(s3, 11);
        return result;
    }

    /** 16 uniformly random bits, 0..65535. */
    public int next16() {
        return nextInt() >>> 16;
    }

    /** A uniform integer in {@code [0, bound)} for {@code 0 < bound <= 65536}, by multiply-shift (no division). */
    public int nextBelow(int bound) {
        return (int) (((long) next16() * bound) >>> 16);
    }

    /** Shuffles {@code values} in place (Fisher-Yates; each swap index is a 32-bit draw scaled by multiply-shift). */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = (int) (((nextInt() & 0xFFFF_FFFFL) * (i + 1)) >>> 32);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** The four state words, for snapshots. */
    public int[] state() {
        int[] state = new int[4];
        copyState(state);
        return state;
    }

    /** Copies the four state words into {@code into} (length 4), allocating nothing. */
    public void copyState(int[] into) {
        into[0] = s0;
        into[1] = s1;
        into[2] = s2;
        into[3] = s3;
    }

    /**
     * Whether {@code state} can be restored: four words, not all zero (xoshiro128** stays at zero forever from an
     * all-zero state, emitting only zeros).
     */
    public static boolean usable(int[] state) {
        return state.length == 4 && (state[0] | state[1] | state[2] | state[3]) != 0;
    }

    /** Restores a state captured by {@link #state()}; it must be {@link #usable}. */
    public void restore(int[] state) {
        if (!usable(state)) {
            throw new IllegalArgumentException("PRNG state must be four words, not all zero");
        }
        s0 = state[0];
        s1 = state[1];
        s2 = state[2];
        s3 = state[3];
    }
}
