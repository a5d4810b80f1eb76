package dev.aplysia.host.report;

import dev.aplysia.host.experiment.BudgetTable;
import dev.aplysia.host.experiment.ComparisonReport.ContinualRow;
import dev.aplysia.host.experiment.ComparisonReport.CurveComparison;
import dev.aplysia.host.experiment.ComparisonReport.SignificanceRow;
import dev.aplysia.host.experiment.LearningCurve;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The XChart figures of a comparison, each {@value #WIDTH}x{@value #HEIGHT} pixels with accuracy (0 to 1) on the
 * y axis. Each takes data that is not empty; the caller skips a figure without data.
 */
final class ComparisonCharts {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    private static final String FONT = Font.SANS_SERIF;
    private static final double ACCURACY_MARGIN = 0.02;

    /** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies, and on white. */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xD55E00), new Color(0x56B4E9)};

    private ComparisonCharts() {
    }

    /**
     * Test accuracy against samples seen on a log axis: the two online learners with markers at their checkpoints,
     * and the offline backprop accuracy as a dashed horizontal line across the same range.
     */
    static XYChart learningCurve(CurveComparison curves) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Test accuracy during one online pass")
                .xAxisTitle("training samples seen (log scale)").yAxisTitle("test accuracy").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true).setXAxisDecimalPattern("#,##0");
        addCurve(chart, "device, local plasticity", curves.device());
        addCurve(chart, "backprop, online SGD", curves.backprop());
        addOfflineReference(chart, curves);
        return chart;
    }

    /** Grouped bars per learner: digits 0-4 before and after learning 5-9, and 5-9 at the end. */
    static CategoryChart forgetting(List<ContinualRow> continual) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Digits 0–4, then 5–9: what each learner kept").xAxisTitle("learner")
                .yAxisTitle("test accuracy").build();
        style(chart.getStyler());
        chart.getStyler().setLabelsVisible(true).setLabelsPosition(0.92)
                .setLabelsFont(new Font(FONT, Font.PLAIN, 13));
        chart.getStyler().setYAxisDecimalPattern("0.00").setYAxisMin(0.0);
        List<String> learners = continual.stream().map(ContinualRow::learner).toList();
        chart.addSeries("0–4 after learning 0–4", learners,
                continual.stream().map(ContinualRow::firstTaskBefore).toList());
        chart.addSeries("0–4 after learning 5–9", learners,
                continual.stream().map(ContinualRow::firstTaskAfter).toList());
        chart.addSeries("5–9 at the end", learners, continual.stream().map(ContinualRow::secondTaskAfter).toList());
        return chart;
    }

    /**
     * Recall of the presented rare samples against the number of presentations: one colour per learner, a solid line
     * with circles when the presentations were flagged significant, dashed with diamonds when not.
     */
    static XYChart significance(List<SignificanceRow> significance) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Rare samples recalled at the end of the stream").xAxisTitle("presentations of the rare digit")
                .yAxisTitle("fraction of presented samples recalled").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE).setLegendLayout(LegendLayout.Vertical);
        Map<String, List<SignificanceRow>> byLearner = significance.stream()
                .collect(Collectors.groupingBy(SignificanceRow::learner, LinkedHashMap::new, Collectors.toList()));
        Color[] palette = chart.getStyler().getSeriesColors();
        int learner = 0;
        for (Map.Entry<String, List<SignificanceRow>> e : byLearner.entrySet()) {
            Color colour = palette[learner++ % palette.length];
            addRecall(chart, e.getKey(), e.getValue(), true, colour);
            addRecall(chart, e.getKey(), e.getValue(), false, colour);
        }
        return chart;
    }

    /**
     * One-pass accuracy against state bytes on a log axis, one line per learner at its mean over seeds, with error
     * bars of one standard deviation across seeds; the y axis is zoomed to the data.
     */
    static XYChart budget(BudgetTable.Table table) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Accuracy against state bytes, one pass").xAxisTitle("budget of state bytes, KiB (log scale)")
                .yAxisTitle("test accuracy, mean ± sd over seeds").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true).setXAxisDecimalPattern("#,##0");
        chart.getStyler().setYAxisDecimalPattern("0.00");
        Map<String, List<BudgetTable.Cell>> byLearner = table.cells().stream()
                .collect(Collectors.groupingBy(BudgetTable.Cell::learner, LinkedHashMap::new, Collectors.toList()));
        double lowest = 1;
        for (Map.Entry<String, List<BudgetTable.Cell>> e : byLearner.entrySet()) {
            List<BudgetTable.Cell> cells = e.getValue();
            chart.addSeries(e.getKey(), cells.stream().mapToDouble(c -> c.budget() / 1024.0).toArray(),
                    cells.stream().mapToDouble(c -> c.accuracy().mean()).toArray(),
                    cells.stream().mapToDouble(c -> c.accuracy().sd()).toArray());
            lowest = Math.min(lowest, cells.stream().mapToDouble(c -> c.accuracy().mean() - c.accuracy().sd())
                    .min().orElse(lowest));
        }
        chart.getStyler().setYAxisMin(Math.floor(lowest * 50) / 50).setYAxisMax(1.0);
        return chart;
    }

    /** Writes a chart as a PNG file, replacing any file of that name. */
    static void save(Chart<?, ?> chart, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private static void style(AxesChartStyler styler) {
        styleAxes(styler);
        // A small margin beyond 0..1 draws markers at 0 and 1 whole, and keeps ticks at tenths when data span 0..1.
        styler.setYAxisMin(-ACCURACY_MARGIN);
        styler.setYAxisMax(1 + ACCURACY_MARGIN);
        styler.setYAxisDecimalPattern("0.0");
    }

    /** The house look of every chart: fonts, white background, the colour-blind-safe palette, legend below. */
    static void styleAxes(AxesChartStyler styler) {
        styler.setChartTitleFont(new Font(FONT, Font.BOLD, 20));
        styler.setAxisTitleFont(new Font(FONT, Font.PLAIN, 16));
        styler.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 14));
        styler.setLegendFont(new Font(FONT, Font.PLAIN, 14));
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setSeriesColors(PALETTE);
        styler.setLegendPosition(LegendPosition.OutsideS);
        styler.setLegendLayout(LegendLayout.Horizontal);
        styler.setMarkerSize(9);
    }

    private static void addCurve(XYChart chart, String name, List<LearningCurve.Point> curve) {
        if (curve.isEmpty()) {
            return;
        }
        chart.addSeries(name, curve.stream().mapToDouble(LearningCurve.Point::samples).toArray(),
                curve.stream().mapToDouble(LearningCurve.Point::accuracy).toArray());
    }

    private static void addOfflineReference(XYChart chart, CurveComparison curves) {
        double[] samples = Stream.concat(curves.device().stream(), curves.backprop().stream())
                .mapToDouble(LearningCurve.Point::samples).sorted().toArray();
        double offline = curves.backpropOffline();
        XYSeries line = chart.addSeries("backprop, offline (" + curves.backpropOfflineEpochs() + " epochs)",
                new double[] {samples[0], samples[samples.length - 1]}, new double[] {offline, offline});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineStyle(SeriesLines.DASH_DASH);
    }

    private static void addRecall(XYChart chart, String learner, List<SignificanceRow> rows, boolean flagged,
                                  Color colour) {
        List<SignificanceRow> series = rows.stream().filter(r -> r.flagged() == flagged)
                .sorted(Comparator.comparingInt(SignificanceRow::presentations)).toList();
        if (series.isEmpty()) {
            return;
        }
        XYSeries line = chart.addSeries(learner + (flagged ? ",\nflagged" : ",\nnot flagged"),
                series.stream().mapToDouble(SignificanceRow::presentations).toArray(),
                series.stream().mapToDouble(Headline::recall).toArray());
        line.setLineColor(colour);
        line.setMarkerColor(colour);
        line.setMarker(flagged ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
        line.setLineStyle(flagged ? new BasicStroke(2.5f) : SeriesLines.DASH_DASH);
    }
}
