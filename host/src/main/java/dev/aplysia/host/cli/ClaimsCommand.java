package dev.aplysia.host.cli;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.host.experiment.BudgetStudy;
import dev.aplysia.host.experiment.BudgetTable;
import dev.aplysia.host.experiment.DigitsSplit;
import dev.aplysia.host.experiment.Seeds;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aplysia report claims}: re-runs the budget study and rewrites the README's budget table from the runs. */
@Command(name = "claims", mixinStandardHelpOptions = true,
        description = {"Re-run the digits budget study (the device and every baseline at 8, 16, 32, 64 and 128 KiB and"
                + " at the RP2040's state budget, one pass each, on the test split) over the held-out seeds, and"
                + " rewrite the table between the README's <!-- claims:budget --> markers and docs/claims.md.",
                "Takes a few minutes on two cores. Progress goes to stderr."})
final class ClaimsCommand implements Callable<Integer> {

    static final String BEGIN = "<!-- claims:budget -->";
    static final String END = "<!-- /claims:budget -->";

    @Option(names = "--seeds", paramLabel = "N[,N...]", split = ",", description = "Seeds to run (default: the"
            + " ten held-out seeds 101..110, which played no part in choosing constants).")
    long[] seeds = Seeds.REPORTED;

    @Option(names = "--readme", paramLabel = "FILE", defaultValue = "README.md",
            description = "README whose marked table is rewritten (default: ${DEFAULT-VALUE}).")
    Path readme;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "docs/claims.md",
            description = "Where the full table is written (default: ${DEFAULT-VALUE}).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--readme " + readme + " has no "
                    + BEGIN + " ... " + END + " section to rewrite");
        }
        PrintWriter err = spec.commandLine().getErr();
        long[] budgets = LongStream.concat(Arrays.stream(BudgetStudy.BUDGETS),
                LongStream.of(McuProfile.RP2040.stateBudgetBytes())).toArray();
        BudgetTable.Table table = BudgetTable.run(budgets, seeds, DigitsSplit.test(Fixtures.optdigits()), line -> {
            err.println(line);
            err.flush();
        });
        String markdown = markdown(table);
        Files.writeString(readme, text.substring(0, begin + BEGIN.length()) + "\n" + markdown
                + text.substring(end), StandardCharsets.UTF_8);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, "# Claims, regenerated from runs\n\nWritten by `./aplysia report claims`; do not edit"
                + " by hand.\n\n## Accuracy against state bytes\n\n" + markdown, StandardCharsets.UTF_8);
        spec.commandLine().getOut().println(markdown);
        return 0;
    }

    /** The table as Markdown: one row per budget, one column per learner, then how often the device matched 1-NN. */
    static String markdown(BudgetTable.Table table) {
        Set<String> learners = table.cells().stream().map(BudgetTable.Cell::learner)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        StringBuilder s = new StringBuilder("| budget | ");
        s.append(String.join(" | ", learners)).append(" | device ≥ 1-nn |\n|---|");
        s.append("---|".repeat(learners.size() + 1)).append('\n');
        for (long budget : table.deviceAtLeast1nn().keySet()) {
            s.append(String.format(Locale.ROOT, "| %s |", label(budget)));
            for (String learner : learners) {
                BudgetTable.Cell cell = table.cells().stream()
                        .filter(c -> c.budget() == budget && c.learner().equals(learner)).findFirst().orElseThrow();
                s.append(String.format(Locale.ROOT, " %s <sub>%,d B</sub> |", cell.accuracy().meanSd(),
                        cell.stateBytes()));
            }
            s.append(String.format(Locale.ROOT, " %d of %d seeds |%n", table.deviceAtLeast1nn().get(budget),
                    table.seeds().length));
        }
        List<String> seedList = Arrays.stream(table.seeds()).mapToObj(Long::toString).toList();
        s.append(String.format(Locale.ROOT, "%nOne-pass test accuracy (%s split), mean ± sd over seeds %s; state bytes"
                + " of the first seed's learner. Regenerate: `./aplysia report claims`.%n", table.split(),
                String.join(", ", seedList)));
        return s.toString();
    }

    private static String label(long budget) {
        return budget == McuProfile.RP2040.stateBudgetBytes() ? "rp2040 (" + budget / 1024 + " KiB)"
                : budget / 1024 + " KiB";
    }
}
