package dev.aplysia.host.cli;

import dev.aplysia.host.experiment.ComparisonPlan;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What a comparison runs and where its report goes. */
final class ComparisonOptions {

    @Option(names = "--seed", defaultValue = "1", description = "Seed of both learners and the sample order"
            + " (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--hidden", defaultValue = "400", description = "Hidden size of both learners"
            + " (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--quick", description = "A first look in under a minute: fewer samples and repetitions.")
    boolean quick;

    @Option(names = "--out", defaultValue = "report", description = "Report directory (default: ${DEFAULT-VALUE}).")
    Path out;

    ComparisonPlan plan() {
        return new ComparisonPlan(seed, hidden, quick);
    }
}
