package dev.aplysia.device.fixed;

/**
 * The device core's randomness: counter-based, so a draw is a pure function of the network's seed, a named
 * {@link Stream}, a counter (a tick, a projection number) and an index (a synapse, an input), and never depends on
 * how many draws came before it. A kernel may therefore visit synapses in any order, skip those whose update is zero,
 * or run on another board, and still draw the same numbers; the state a snapshot must carry is the seed and the tick,
 * nothing else.
 *
 * <p>The mixer is {@code lowbias32} (C. Wellons' 32-bit integer hash: two multiplies, three xor-shifts), so a draw
 * costs a handful of 32-bit operations on a Cortex-M0+ and no 64-bit multiply:
 * <pre>
 *   seedKey   = mix(mix(seedLow) ^ seedHigh)
 *   key       = mix(mix(mix(seedKey ^ stream.id * 0x9E3779B9) ^ counterLow) ^ counterHigh ^ lane * 0x85EBCA6B)
 *   draw      = mix(key ^ index * 0x9E3779B9)
 * </pre>
 * A key is computed once per stream and counter (for instance once per tick and gate), a draw once per synapse.
 */
public final class CounterRandom {

    private static final int GOLDEN = 0x9E3779B9;
    private static final int LANE = 0x85EBCA6B;

    /** The named streams. Each has a fixed id, independent of declaration order. */
    public enum Stream {
        /** Initial weights: counter = the projection's number in its network, index = the synapse. */
        INITIALISATION(1),
        /** Encoder phases: counter = the network tick at which a sample is loaded, index = the channel. */
        ENCODING(2),
        /** Stochastic rounding of weight updates: counter = the tick, lane = the gate, index = the synapse. */
        ROUNDING(3),
        /**
         * Poisson inputs' inter-spike intervals: counter = the tick of the spike, lane = the population's rank among
         * the network's Poisson populations, index = the input.
         */
        POISSON(4),
        /** A reward robot's exploration: counter = the network tick of the decision, index = the draw. */
        EXPLORATION(5);

        private final int id;

        Stream(int id) {
            this.id = id;
        }

        /** The stream's fixed id. */
        public int id() {
            return id;
        }
    }

    private final int seedKey;

    /** The streams of a network seeded with {@code seed}. */
    public CounterRandom(long seed) {
        this.seedKey = mix(mix((int) seed) ^ (int) (seed >>> 32));
    }

    /** The key of {@code stream} at {@code counter}, lane 0. */
    public int key(Stream stream, long counter) {
        return key(stream, counter, 0);
    }

    /** The key of {@code stream} at {@code counter} and {@code lane} (a sub-stream, e.g. a gate). */
    public int key(Stream stream, long counter, int lane) {
        int k = mix(seedKey ^ stream.id * GOLDEN);
        k = mix(k ^ (int) counter);
        return mix(k ^ (int) (counter >>> 32) ^ lane * LANE);
    }

    /** 32 uniformly random bits for {@code index} under {@code key}. */
    public static int draw(int key, int index) {
        return mix(key ^ index * GOLDEN);
    }

    /** 16 uniformly random bits (0..65535) for {@code index} under {@code key}. */
    public static int draw16(int key, int index) {
        return draw(key, index) >>> 16;
    }

    /** A uniform integer in {@code [0, span)} for {@code 0 < span}, by multiply-shift of a 32-bit draw. */
    public static int below(int key, int index, int span) {
        return (int) (((draw(key, index) & 0xFFFF_FFFFL) * span) >>> 32);
    }

    /** {@code lowbias32}: a bijective 32-bit mixer with low avalanche bias. */
    static int mix(int x) {
        x ^= x >>> 16;
        x *= 0x7FEB352D;
        x ^= x >>> 15;
        x *= 0x846CA68B;
        x ^= x >>> 16;
        return x;
    }
}
