package dev.aplysia.host.report;

import dev.aplysia.host.experiment.BudgetTable;
import java.io.IOException;
import java.nio.file.Path;

/** The budget study's figure: every learner's accuracy against state bytes, with spread across seeds. */
public final class BudgetChart {

    private BudgetChart() {
    }

    /** Writes the figure of {@code table} as a PNG file, replacing any file of that name. */
    public static void write(BudgetTable.Table table, Path file) throws IOException {
        ComparisonCharts.save(ComparisonCharts.budget(table), file);
    }
}
