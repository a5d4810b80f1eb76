package dev.aplysia.host.agent;

import java.util.Objects;

/**
 * A bounded experience-replay memory of transitions {@code (state, action, reward, next state)}: once full, each new
 * transition overwrites the oldest. Features and rewards are held as float32, the width a board would store, so
 * {@link #stateBytes()} prices exactly what is held. Allocates only at construction; not thread-safe.
 *
 * <p>Transitions are addressed by age order: index 0 is the oldest held, {@link #size()}−1 the newest.
 */
public final class ReplayBuffer {

    /** Bytes of a transition besides its two feature vectors: a float32 reward and a 1-byte action. */
    public static final int SCALAR_BYTES = Float.BYTES + 1;

    private final int capacity;
    private final int features;
    private final float[] states;
    private final float[] nextStates;
    private final float[] rewards;
    private final byte[] actions;
    private int size;
    private int oldest;

    /**
     * An empty buffer.
     *
     * @param capacity transitions held at most, ≥ 1
     * @param features values per state, ≥ 1
     */
    public ReplayBuffer(int capacity, int features) {
        if (capacity < 1 || features < 1) {
            throw new IllegalArgumentException("need capacity >= 1 and features >= 1");
        }
        this.capacity = capacity;
        this.features = features;
        this.states = new float[capacity * features];
        this.nextStates = new float[capacity * features];
        this.rewards = new float[capacity];
        this.actions = new byte[capacity];
    }

    /** Transitions held at most. */
    public int capacity() {
        return capacity;
    }

    /** Transitions held now, 0..{@link #capacity()}. */
    public int size() {
        return size;
    }

    /** Stores a transition, evicting the oldest when full; {@code action} 0..127. */
    public void add(double[] state, int action, double reward, double[] next) {
        if (state.length != features || next.length != features) {
            throw new IllegalArgumentException("states must have " + features + " features");
        }
        int slot = size < capacity ? size : oldest;
        if (size < capacity) {
            size++;
        } else {
            oldest = (oldest + 1) % capacity;
        }
        copyIn(state, states, slot);
        copyIn(next, nextStates, slot);
        rewards[slot] = (float) reward;
        actions[slot] = (byte) Objects.checkIndex(action, Byte.MAX_VALUE + 1);
    }

    /** Writes transition {@code index}'s state into {@code into} (length {@code features}). */
    public void state(int index, double[] into) {
        copyOut(states, slot(index), into);
    }

    /** Writes transition {@code index}'s next state into {@code into} (length {@code features}). */
    public void nextState(int index, double[] into) {
        copyOut(nextStates, slot(index), into);
    }

    /** Transition {@code index}'s action. */
    public int action(int index) {
        return actions[slot(index)];
    }

    /** Transition {@code index}'s reward, as stored (float32). */
    public double reward(int index) {
        return rewards[slot(index)];
    }

    /** Bytes held at capacity: {@code capacity · (2 · 4 · features + }{@value #SCALAR_BYTES}{@code )}. */
    public long stateBytes() {
        return (long) capacity * (2L * Float.BYTES * features + SCALAR_BYTES);
    }

    private int slot(int index) {
        return (oldest + Objects.checkIndex(index, size)) % capacity;
    }

    private void copyIn(double[] from, float[] to, int slot) {
        for (int f = 0; f < features; f++) {
            to[slot * features + f] = (float) from[f];
        }
    }

    private void copyOut(float[] from, int slot, double[] into) {
        for (int f = 0; f < features; f++) {
            into[f] = from[slot * features + f];
        }
    }
}
