package dev.aplysia.host.experiment;

import java.util.Arrays;
import java.util.Locale;

/**
 * A figure over seeds: mean, sample standard deviation and a two-sided 95 % confidence interval of the mean
 * (Student's t with n - 1 degrees of freedom).
 *
 * @param n        number of seeds
 * @param mean     mean
 * @param sd       sample standard deviation (0 for one seed)
 * @param halfCi95 half-width of the 95 % interval of the mean (0 for one seed)
 */
public record SeedSummary(int n, double mean, double sd, double halfCi95) {

    /** t(0.975, k) for k = 1..30 degrees of freedom; beyond, 1.96. */
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    /** The summary of {@code values}, one per seed. */
    public static SeedSummary of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        int n = values.length;
        double mean = Arrays.stream(values).average().orElseThrow();
        if (n == 1) {
            return new SeedSummary(1, mean, 0, 0);
        }
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(squares / (n - 1));
        double t = n - 1 <= T975.length ? T975[n - 2] : 1.96;
        return new SeedSummary(n, mean, sd, t * sd / Math.sqrt(n));
    }

    /** {@code 0.962 ± 0.004 [0.959, 0.965]}: mean ± sd, then the 95 % interval of the mean. */
    public String reported() {
        return String.format(Locale.ROOT, "%.3f ± %.3f [%.3f, %.3f]", mean, sd, mean - halfCi95, mean + halfCi95);
    }
}
