package dev.aplysia.device.golden;

import dev.aplysia.device.model.CostModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Instructions per operation from measured segments: least squares on relative error (each segment's row divided by
 * its instructions, so small and large segments weigh alike), with no intercept; an operation whose cost comes out
 * negative, or that no segment performs, is fixed at 0 and the rest refitted (an active-set non-negative fit).
 */
final class CostFit {

    private CostFit() {
    }

    /** The non-negative costs that best explain {@code measured[r]} as {@code sum_k cost[k] * amounts[r][k]}. */
    static double[] nonNegative(long[][] amounts, long[] measured) {
        int operations = amounts[0].length;
        boolean[] active = new boolean[operations];
        for (int k = 0; k < operations; k++) {
            int column = k;
            active[k] = Arrays.stream(amounts).anyMatch(row -> row[column] != 0);
        }
        while (true) {
            double[] fit = fit(amounts, measured, active);
            int worst = -1;
            for (int k = 0; k < operations; k++) {
                if (active[k] && fit[k] < 0 && (worst < 0 || fit[k] < fit[worst])) {
                    worst = k;
                }
            }
            if (worst < 0) {
                return fit;
            }
            active[worst] = false;
        }
    }

    private static double[] fit(long[][] amounts, long[] measured, boolean[] active) {
        int[] columns = IntStream.range(0, active.length).filter(k -> active[k]).toArray();
        double[][] x = new double[measured.length][columns.length];
        double[] y = new double[measured.length];
        for (int r = 0; r < measured.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                x[r][c] = amounts[r][columns[c]] / (double) measured[r];
            }
            y[r] = 1;
        }
        OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
        regression.setNoIntercept(true);
        regression.newSampleData(y, x);
        double[] beta = regression.estimateRegressionParameters();
        double[] costs = new double[active.length];
        for (int c = 0; c < columns.length; c++) {
            costs[columns[c]] = beta[c];
        }
        return costs;
    }

    /** The costs by operation name. */
    static String describe(double[] costs) {
        return IntStream.range(0, costs.length).mapToObj(k -> String.format(Locale.ROOT, "%s %.2f",
                CostModel.OPERATIONS.get(k), costs[k])).collect(Collectors.joining(", "));
    }

    /** The median and largest relative error of the fit over the segments. */
    static String errors(double[] costs, long[][] amounts, long[] measured) {
        double[] errors = IntStream.range(0, measured.length).mapToDouble(r -> Math.abs(predicted(costs, amounts[r])
                - measured[r]) / measured[r]).sorted().toArray();
        return String.format(Locale.ROOT, "median %.1f %%, max %.1f %% over %d segments",
                100 * errors[errors.length / 2], 100 * errors[errors.length - 1], errors.length);
    }

    private static double predicted(double[] costs, long[] amounts) {
        double sum = 0;
        for (int k = 0; k < costs.length; k++) {
            sum += costs[k] * amounts[k];
        }
        return sum;
    }
}
