package dev.aplysia.host.baseline;

import dev.aplysia.host.backprop.Mlp;

/**
 * The per-feature map {@code x → (x − mean) / sd}, with the mean and the population standard deviation fitted on
 * training rows only. A feature that is constant on those rows keeps {@code sd = 1}, so it maps to {@code x − mean}
 * (0 on the training rows) rather than dividing by zero.
 */
public final class Standardisation {

    private final double[] mean;
    private final double[] sd;

    private Standardisation(double[] mean, double[] sd) {
        this.mean = mean;
        this.sd = sd;
    }

    /**
     * Fits the map on {@code rows} (at least one, all of the same width).
     *
     * @throws IllegalArgumentException if {@code rows} is empty or ragged
     */
    public static Standardisation fit(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("cannot standardise on zero rows");
        }
        int width = rows[0].length;
        double[] mean = new double[width];
        double[] sd = new double[width];
        for (double[] row : rows) {
            if (row.length != width) {
                throw new IllegalArgumentException("row of " + row.length + " features, expected " + width);
            }
            for (int f = 0; f < width; f++) {
                mean[f] += row[f] / rows.length;
            }
        }
        for (double[] row : rows) {
            for (int f = 0; f < width; f++) {
                sd[f] += (row[f] - mean[f]) * (row[f] - mean[f]) / rows.length;
            }
        }
        for (int f = 0; f < width; f++) {
            sd[f] = sd[f] > 0 ? Math.sqrt(sd[f]) : 1;
        }
        return new Standardisation(mean, sd);
    }

    /**
     * Every row of {@code rows} mapped, in new arrays; {@code rows} is left untouched.
     *
     * @throws IllegalArgumentException if a row's width differs from the fitted rows'
     */
    public double[][] apply(double[][] rows) {
        double[][] mapped = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != mean.length) {
                throw new IllegalArgumentException("row of " + rows[r].length + " features, fitted on " + mean.length);
            }
            mapped[r] = new double[mean.length];
            for (int f = 0; f < mean.length; f++) {
                mapped[r][f] = (rows[r][f] - mean[f]) / sd[f];
            }
        }
        return mapped;
    }

    /** The means and standard deviations as float32: {@code 2 · features · 4} bytes. */
    public long stateBytes() {
        return 2L * mean.length * Mlp.FLOAT32_BYTES;
    }
}
