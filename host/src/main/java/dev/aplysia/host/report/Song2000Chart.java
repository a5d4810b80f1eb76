package dev.aplysia.host.report;

import dev.aplysia.device.protocol.Song2000;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** The figure of {@code core song2000}: the final weight histogram of the fixed-point core beside its float twin's. */
public final class Song2000Chart {

    private Song2000Chart() {
    }

    /** Writes the histogram of {@code result} as a PNG file, replacing any file of that name. */
    public static void write(Song2000.Result result, Path file) throws IOException {
        ComparisonCharts.save(histogram(result), file);
    }

    /** Grouped bars: for each of the 20 bins of {@code w / gmax}, the number of weights of each core. */
    static CategoryChart histogram(Song2000.Result result) {
        CategoryChart chart = new CategoryChartBuilder().width(ComparisonCharts.WIDTH).height(ComparisonCharts.HEIGHT)
                .title(String.format(Locale.ROOT, "Weights after %d s of STDP (seed %d)", result.seconds(),
                        result.seed()))
                .xAxisTitle("w / gmax (bin start)").yAxisTitle("synapses").build();
        ComparisonCharts.styleAxes(chart.getStyler());
        chart.getStyler().setYAxisDecimalPattern("#,##0").setXAxisLabelRotation(45);
        List<String> bins = IntStream.range(0, Song2000.BINS)
                .mapToObj(b -> String.format(Locale.ROOT, "%.2f", (double) b / Song2000.BINS)).toList();
        chart.addSeries("fixed point", bins, result.fixed().hist20());
        chart.addSeries("float twin", bins, result.twin().hist20());
        return chart;
    }
}
