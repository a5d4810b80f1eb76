package dev.aplysia.host.report;

import dev.aplysia.host.experiment.ComparisonReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Writes a {@link ComparisonReport} and the {@link RunMetadata} of its run as a folder to share:
 * {@code summary.json} (everything, schema 1), one CSV per experiment ({@code learning_curve.csv},
 * {@code continual.csv}, {@code significance.csv}, {@code cost.csv}, {@code telemetry.csv}), the figures
 * {@code learning-curve.png}, {@code forgetting.png}, {@code significance.png} and {@code receptive-fields.png}, and
 * {@code report.md}, which embeds them. The format of each file is described in {@code docs/report.md}.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * Writes the report into {@code outDir}, creating it if needed. Report files already there are replaced, and a
     * figure from an earlier report that this one has no data for is removed; other files are left alone. Text files
     * are UTF-8. Drawing needs no display: {@code java.awt.headless} is set to {@code true} unless already set.
     *
     * @return the directory and the files written, in the order written
     * @throws UncheckedIOException if a file cannot be written
     */
    public static Report write(ComparisonReport report, RunMetadata run, Path outDir) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        try {
            Files.createDirectories(outDir);
            List<ReportFile> written = writeFiles(report, run, outDir);
            removeStale(outDir, written);
            return new Report(outDir, written.stream().map(f -> outDir.resolve(f.fileName())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ReportFile> writeFiles(ComparisonReport report, RunMetadata run, Path dir)
            throws IOException {
        List<ReportFile> written = new ArrayList<>();
        SummaryJson.write(report, run, dir.resolve(ReportFile.SUMMARY.fileName()));
        written.add(ReportFile.SUMMARY);
        writeTables(report, dir, written);
        Set<ReportFile> drawn = drawFigures(report, dir);
        written.addAll(drawn);
        writeText(dir, ReportFile.MARKDOWN, ReportMarkdown.of(report, run, drawn), written);
        return written;
    }

    private static void writeTables(ComparisonReport report, Path dir, List<ReportFile> written) throws IOException {
        Notation plain = Notation.PLAIN;
        writeText(dir, ReportFile.LEARNING_CURVE_TABLE,
                ExperimentTables.learningCurve(report.learningCurve(), plain).csv(), written);
        writeText(dir, ReportFile.CONTINUAL_TABLE, ExperimentTables.continual(report.continual(), plain).csv(),
                written);
        writeText(dir, ReportFile.SIGNIFICANCE_TABLE,
                ExperimentTables.significance(report.significance(), plain).csv(), written);
        writeText(dir, ReportFile.COST_TABLE, ExperimentTables.cost(report.cost(), plain).csv(), written);
        writeText(dir, ReportFile.TELEMETRY_TABLE, ExperimentTables.telemetry(report.telemetry(), plain).csv(),
                written);
    }

    /** Draws each figure whose experiment has data; returns those drawn. */
    private static Set<ReportFile> drawFigures(ComparisonReport report, Path dir) throws IOException {
        Set<ReportFile> drawn = EnumSet.noneOf(ReportFile.class);
        ComparisonReport.CurveComparison curves = report.learningCurve();
        if (!curves.device().isEmpty() || !curves.backprop().isEmpty()) {
            ComparisonCharts.save(ComparisonCharts.learningCurve(curves),
                    figure(dir, ReportFile.LEARNING_CURVE_CHART, drawn));
        }
        if (!report.continual().isEmpty()) {
            ComparisonCharts.save(ComparisonCharts.forgetting(report.continual()),
                    figure(dir, ReportFile.FORGETTING_CHART, drawn));
        }
        if (!report.significance().isEmpty()) {
            ComparisonCharts.save(ComparisonCharts.significance(report.significance()),
                    figure(dir, ReportFile.SIGNIFICANCE_CHART, drawn));
        }
        if (!report.receptiveFields().isEmpty()) {
            ImageIO.write(ReceptiveFieldImage.of(report.receptiveFields()), "png",
                    figure(dir, ReportFile.RECEPTIVE_FIELDS_IMAGE, drawn).toFile());
        }
        return drawn;
    }

    private static Path figure(Path dir, ReportFile file, Set<ReportFile> drawn) {
        drawn.add(file);
        return dir.resolve(file.fileName());
    }

    private static void writeText(Path dir, ReportFile file, String text, List<ReportFile> written)
            throws IOException {
        Files.writeString(dir.resolve(file.fileName()), text, StandardCharsets.UTF_8);
        written.add(file);
    }

    private static void removeStale(Path dir, List<ReportFile> written) throws IOException {
        for (ReportFile file : ReportFile.values()) {
            if (!written.contains(file)) {
                Files.deleteIfExists(dir.resolve(file.fileName()));
            }
        }
    }
}
