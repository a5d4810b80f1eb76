package dev.aplysia.host.report;

import dev.aplysia.hal.world.Arena;
import dev.aplysia.hal.world.Segment;
import dev.aplysia.host.experiment.WorldComparison;
import dev.aplysia.host.experiment.WorldRun;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of {@code device world}: the arena with the device's path over its first and its last minute in the first
 * arena (contacts marked), on the first seed; and the learning curves of all four policies, contacts and forward
 * progress per simulated minute, averaged over the seeds.
 */
public final class WorldCharts {

    /** The charts' file names, in the order {@link #write} returns them. */
    public static final List<String> FILES = List.of("device-path-early.png", "device-path-late.png",
            "collisions-per-minute.png", "distance-per-minute.png");

    private static final Color PATH_COLOUR = new Color(0x0072B2);

    private WorldCharts() {
    }

    /** Writes the four charts of {@code result} into {@code dir} (created if missing), replacing older ones. */
    public static List<Path> write(WorldComparison.Result result, Path dir) throws IOException {
        Files.createDirectories(dir);
        WorldComparison.Plan plan = result.plan();
        WorldRun device = result.of("device", plan.seeds().get(0));
        List<Path> files = FILES.stream().map(dir::resolve).toList();
        ComparisonCharts.save(path(plan.first(), device.early(), "first minute", device.seed()), files.get(0));
        ComparisonCharts.save(path(plan.first(), device.late(), "minute " + plan.minutes(), device.seed()),
                files.get(1));
        ComparisonCharts.save(curves(result, "Collisions per minute", "collisions / min",
                WorldRun::collisionsPerMinute), files.get(2));
        ComparisonCharts.save(curves(result, "Forward progress per minute", "mm / min",
                WorldRun::distancePerMinute), files.get(3));
        return files;
    }

    /** The arena's walls and obstacles in black, the robot's centre's path, and a cross at each contact. */
    static XYChart path(Arena arena, WorldRun.Path path, String when, long seed) {
        XYChart chart = new XYChartBuilder().width(ComparisonCharts.WIDTH).height(ComparisonCharts.WIDTH)
                .title(String.format(Locale.ROOT, "Device in %s, %s (seed %d)", arena.source(), when, seed))
                .xAxisTitle("x (mm)").yAxisTitle("y (mm)").build();
        ComparisonCharts.styleAxes(chart.getStyler());
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(arena.width()).setYAxisMin(0.0).setYAxisMax(arena.height());
        List<Segment> walls = arena.solidSegments();
        for (int w = 0; w < walls.size(); w++) {
            Segment s = walls.get(w);
            XYSeries wall = chart.addSeries("wall " + w, new double[] {s.x1(), s.x2()}, new double[] {s.y1(), s.y2()});
            wall.setMarker(SeriesMarkers.NONE);
            wall.setLineColor(Color.BLACK);
            wall.setLineStyle(SeriesLines.SOLID);
            wall.setShowInLegend(false);
        }
        XYSeries track = chart.addSeries("path", path.x(), path.y());
        track.setMarker(SeriesMarkers.NONE);
        track.setLineColor(PATH_COLOUR);
        track.setLineStyle(SeriesLines.SOLID);
        if (path.collisionX().length > 0) {
            XYSeries contacts = chart.addSeries(path.collisionX().length + " collisions", path.collisionX(),
                    path.collisionY());
            contacts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            contacts.setMarker(SeriesMarkers.CROSS);
            contacts.setMarkerColor(Color.RED);
        }
        return chart;
    }

    /** One line per policy: the figure per minute of experience, the mean over the seeds. */
    static XYChart curves(WorldComparison.Result result, String title, String unit,
                          Function<WorldRun, double[]> perMinute) {
        WorldComparison.Plan plan = result.plan();
        XYChart chart = new XYChartBuilder().width(ComparisonCharts.WIDTH).height(ComparisonCharts.HEIGHT)
                .title(String.format(Locale.ROOT, "%s: %s, %s, %s again (%d seeds)", title, plan.first().source(),
                        plan.second().source(), plan.first().source(), plan.seeds().size()))
                .xAxisTitle("simulated minute of experience").yAxisTitle(unit).build();
        ComparisonCharts.styleAxes(chart.getStyler());
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(14f));
        double[] minutes = IntStream.rangeClosed(1, plan.experienceMinutes()).asDoubleStream().toArray();
        for (String policy : WorldComparison.POLICIES) {
            List<WorldRun> runs = result.of(policy);
            double[] mean = IntStream.range(0, minutes.length).mapToDouble(m -> runs.stream()
                    .mapToDouble(run -> perMinute.apply(run)[m]).average().orElseThrow()).toArray();
            chart.addSeries(policy, minutes, mean);
        }
        return chart;
    }
}
