package dev.aplysia.host.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.function.IntUnaryOperator;

/**
 * How a classifier's decisions on a labelled set fall: {@code counts[actual][decided]} samples of class
 * {@code actual} were decided as {@code decided}. Row {@code k} sums to the samples of class {@code k}, and the
 * diagonal over the total is the accuracy. In JSON it is the bare array of rows.
 *
 * @param counts square, one row and one column per class, every count {@code >= 0}; copied on the way in and out
 */
public record ConfusionMatrix(int[][] counts) {

    @JsonCreator
    public ConfusionMatrix {
        if (counts.length == 0) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class");
        }
        counts = copy(counts);
        for (int[] row : counts) {
            if (row.length != counts.length || Arrays.stream(row).anyMatch(c -> c < 0)) {
                throw new IllegalArgumentException("need a square matrix of counts >= 0, got "
                        + Arrays.deepToString(counts));
            }
        }
    }

    /**
     * Tallies one decision for each of {@code samples} samples, asking for them in index order, once each (a
     * classifier may draw from its PRNG as it decides).
     *
     * @param classes classes, {@code >= 1}
     * @param actual  sample index to its true class, in {@code 0..classes-1}
     * @param decided sample index to the class decided for it, in {@code 0..classes-1}
     */
    public static ConfusionMatrix tally(int classes, int samples, IntUnaryOperator actual, IntUnaryOperator decided) {
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < samples; i++) {
            counts[actual.applyAsInt(i)][decided.applyAsInt(i)]++;
        }
        return new ConfusionMatrix(counts);
    }

    /** The matrix whose rows, one after the other, are {@code rowMajor} ({@code classes²} counts). */
    public static ConfusionMatrix ofRowMajor(int classes, int[] rowMajor) {
        if (rowMajor.length != classes * classes) {
            throw new IllegalArgumentException(classes + " classes need " + classes * classes + " counts, got "
                    + rowMajor.length);
        }
        int[][] counts = new int[classes][];
        for (int k = 0; k < classes; k++) {
            counts[k] = Arrays.copyOfRange(rowMajor, k * classes, (k + 1) * classes);
        }
        return new ConfusionMatrix(counts);
    }

    @JsonValue
    @Override
    public int[][] counts() {
        return copy(counts);
    }

    /** The counts row after row, {@code classes²} of them: the inverse of {@link #ofRowMajor}. */
    public int[] rowMajor() {
        return Arrays.stream(counts).flatMapToInt(Arrays::stream).toArray();
    }

    /** Classes, the matrix's side. */
    public int classes() {
        return counts.length;
    }

    /** Samples of class {@code actual} decided as {@code decided}. */
    public int count(int actual, int decided) {
        return counts[actual][decided];
    }

    /** Samples of class {@code actual}: the sum of its row. */
    public int samplesOf(int actual) {
        return Arrays.stream(counts[actual]).sum();
    }

    /** Samples in all. */
    public int total() {
        return Arrays.stream(counts).mapToInt(row -> Arrays.stream(row).sum()).sum();
    }

    /** Samples decided right: the trace. */
    public int correct() {
        int correct = 0;
        for (int k = 0; k < counts.length; k++) {
            correct += counts[k][k];
        }
        return correct;
    }

    /** {@link #correct()} over {@link #total()}, in [0, 1]; NaN for a matrix of no samples. */
    public double accuracy() {
        return correct() / (double) total();
    }

    /** The fraction of class {@code actual}'s samples decided right, or empty if it has none. */
    public OptionalDouble recall(int actual) {
        int samples = samplesOf(actual);
        return samples == 0 ? OptionalDouble.empty() : OptionalDouble.of(counts[actual][actual] / (double) samples);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfusionMatrix m && Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + Arrays.deepToString(counts);
    }

    private static int[][] copy(int[][] counts) {
        return Arrays.stream(counts).map(int[]::clone).toArray(int[][]::new);
    }
}
