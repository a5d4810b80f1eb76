package dev.aplysia.host.baseline;

import java.util.Objects;

/**
 * A memory of labelled integer vectors that answers, for a query, the label of the stored vector nearest to it in
 * Euclidean distance. Squared distances are summed exactly in {@code long}; a tie goes to the vector stored first.
 * The capacity is fixed at construction; storing allocates nothing.
 */
public final class NearestNeighbourMemory {

    private final int width;
    private final int[] values;
    private final int[] labels;
    private int size;

    /**
     * An empty memory.
     *
     * @param width    components per vector ≥ 1
     * @param capacity vectors it can hold ≥ 0
     */
    public NearestNeighbourMemory(int width, int capacity) {
        if (width < 1 || capacity < 0) {
            throw new IllegalArgumentException("need width >= 1 and capacity >= 0");
        }
        this.width = width;
        this.values = new int[width * capacity];
        this.labels = new int[capacity];
    }

    /** Vectors stored so far. */
    public int size() {
        return size;
    }

    /**
     * Stores a copy of {@code vector} (length {@code width}) with its {@code label}.
     *
     * @throws IllegalStateException if the memory is full
     */
    public void store(int[] vector, int label) {
        checkWidth(vector);
        if (size == labels.length) {
            throw new IllegalStateException("memory full at " + size + " vectors");
        }
        System.arraycopy(vector, 0, values, size * width, width);
        labels[size++] = label;
    }

    /**
     * The label of the stored vector nearest to {@code query} (length {@code width}).
     *
     * @throws IllegalStateException if nothing is stored yet
     */
    public int nearestLabel(int[] query) {
        checkWidth(query);
        if (size == 0) {
            throw new IllegalStateException("nothing stored to compare with");
        }
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            long distance = squaredDistance(i, query);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return labels[best];
    }

    private long squaredDistance(int stored, int[] query) {
        int offset = stored * width;
        long sum = 0;
        for (int c = 0; c < width; c++) {
            long d = (long) values[offset + c] - query[c];
            sum += d * d;
        }
        return sum;
    }

    private void checkWidth(int[] vector) {
        if (Objects.requireNonNull(vector).length != width) {
            throw new IllegalArgumentException("vector has " + vector.length + " components, memory holds " + width);
        }
    }
}
