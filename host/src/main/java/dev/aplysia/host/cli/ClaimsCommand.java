package dev.aplysia.host.cli;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.host.experiment.BudgetStudy;
import dev.aplysia.host.experiment.BudgetTable;
import dev.aplysia.host.experiment.ContinualStudy;
import dev.aplysia.host.experiment.DigitsSplit;
import dev.aplysia.host.experiment.FewShotStudy;
import dev.aplysia.host.experiment.FewShotTable;
import dev.aplysia.host.experiment.RobotTable;
import dev.aplysia.host.experiment.Seeds;
import dev.aplysia.host.experiment.Significance;
import dev.aplysia.host.report.BudgetChart;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code aplysia report claims}: re-runs the budget study and rewrites the README's budget table from the runs. */
@Command(name = "claims", mixinStandardHelpOptions = true,
        description = {"Re-run the digits budget study (the device and every baseline at 8, 16, 32, 64 and 128 KiB and"
                + " at the RP2040's state budget, one pass each, on the test split) over the held-out seeds, and"
                + " run the few-shot significance protocol at 32 KiB; rewrite the README's <!-- claims:budget --> and"
                + " <!-- claims:fewshot --> sections, the continual-learning and robot tables, docs/claims.md and the"
                + " figure docs/budget.png.",
                "Takes a few minutes on two cores. Progress goes to stderr."})
final class ClaimsCommand implements Callable<Integer> {

    static final String BUDGET = "budget";
    static final String FEW_SHOT = "fewshot";
    static final String CONTINUAL = "continual";
    static final String ROBOT = "robot";
    /** The budget of the few-shot table: small enough that a memory must choose what to keep. */
    static final long FEW_SHOT_BUDGET = 32 << 10;

    @Option(names = "--seeds", paramLabel = "N[,N...]", split = ",", description = "Seeds to run (default: the"
            + " ten held-out seeds 101..110, which played no part in choosing constants).")
    long[] seeds = Seeds.REPORTED;

    @Option(names = "--readme", paramLabel = "FILE", defaultValue = "README.md",
            description = "README whose marked table is rewritten (default: ${DEFAULT-VALUE}).")
    Path readme;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "docs/claims.md",
            description = "Where the full table is written (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--chart", paramLabel = "FILE", defaultValue = "docs/budget.png",
            description = "Where the figure of accuracy against state bytes is written (default: ${DEFAULT-VALUE}).")
    Path chart;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        requireSections(Files.readString(readme, StandardCharsets.UTF_8));
        PrintWriter err = spec.commandLine().getErr();
        DigitsSplit test = DigitsSplit.test(Fixtures.optdigits());
        long[] budgets = LongStream.concat(Arrays.stream(BudgetStudy.BUDGETS),
                LongStream.of(McuProfile.RP2040.stateBudgetBytes())).toArray();
        BudgetTable.Table table = BudgetTable.run(budgets, seeds, test, line -> {
            err.println(line);
            err.flush();
        });
        String budgetTable = markdown(table);
        String fewShot = fewShot(FewShotTable.run(FEW_SHOT_BUDGET, seeds, test), seeds);
        err.println("claims: few-shot protocol done");
        String continual = continual(test);
        err.println("claims: continual-learning protocols done");
        String robot = robot(RobotTable.run(Fixtures.wallFollowingRobot(), seeds), seeds);
        err.println("claims: robot done");
        createParent(chart);
        BudgetChart.write(table, chart);
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        text = replaceSection(requireSections(text), BUDGET, budgetTable);
        text = replaceSection(text, FEW_SHOT, fewShot);
        text = replaceSection(text, CONTINUAL, continual);
        Files.writeString(readme, replaceSection(text, ROBOT, robot), StandardCharsets.UTF_8);
        createParent(out);
        Files.writeString(out, "# Claims, regenerated from runs\n\nWritten by `./aplysia report claims`; do not edit"
                + " by hand.\n\n## Accuracy against state bytes\n\n![accuracy against state bytes](budget.png)\n\n"
                + budgetTable + "\n## A rare digit from a few flagged samples\n\n" + fewShot
                + "\n## Continual learning where capacity is short\n\n" + continual
                + "\n## The learning robot beside its baselines\n\n" + robot,
                StandardCharsets.UTF_8);
        PrintWriter result = spec.commandLine().getOut();
        result.print(budgetTable + "\n" + fewShot + "\n" + continual + "\n" + robot);
        result.flush();
        return 0;
    }

    /** Returns {@code text} if it has every marked section, else a usage error naming the first missing marker. */
    private String requireSections(String text) {
        for (String section : List.of(BUDGET, FEW_SHOT, CONTINUAL, ROBOT)) {
            int begin = text.indexOf(begin(section));
            if (begin < 0 || text.indexOf(end(section), begin) < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--readme " + readme + " has no "
                        + begin(section) + " ... " + end(section) + " section to rewrite");
            }
        }
        return text;
    }

    /** {@code text} with the body between {@code section}'s markers replaced by {@code body}. */
    static String replaceSection(String text, String section, String body) {
        int begin = text.indexOf(begin(section)) + begin(section).length();
        int end = text.indexOf(end(section), begin);
        return text.substring(0, begin) + "\n" + body + text.substring(end);
    }

    private static String begin(String section) {
        return "<!-- claims:" + section + " -->";
    }

    private static String end(String section) {
        return "<!-- /claims:" + section + " -->";
    }

    /** The few-shot table: per learner, presented rare samples recalled and accuracy on the unseen ones. */
    static String fewShot(List<FewShotTable.Row> rows, long[] seeds) {
        StringBuilder s = new StringBuilder("| learner | presented 9s recalled | unseen test 9s right |\n|---|---|---|\n");
        for (FewShotTable.Row row : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %s of %d | %s |%n", row.learner(), row.recalled().reported(),
                    FewShotStudy.PRESENTATIONS, row.unseenAccuracy().reported()));
        }
        s.append(String.format(Locale.ROOT, "%nFive 9s, flagged significant, one every %d samples early in a pass over"
                + " the other digits; every learner at %,d bytes of state; mean ± sd [95 %% interval] over seeds %s. Regenerate:"
                + " `./aplysia report claims`.%n", Significance.SPACING, FEW_SHOT_BUDGET, seedList(seeds)));
        return s.toString();
    }

    /** Both continual-learning protocols, one table each. */
    private String continual(DigitsSplit test) {
        StringBuilder s = new StringBuilder();
        for (ContinualStudy.Protocol protocol : ContinualStudy.Protocol.values()) {
            boolean classes = protocol == ContinualStudy.Protocol.CLASS_INCREMENTAL;
            s.append(classes ? "Class-incremental: digits 0–4, then 5–9.\n\n| learner | state bytes | 0–4 after 0–4"
                    + " | 0–4 after 5–9 | 5–9 at the end |\n" : "Domain-incremental: the ten digits, then the ten"
                    + " mirrored left to right.\n\n| learner | state bytes | digits after digits | digits after"
                    + " mirrored | mirrored at the end |\n");
            s.append("|---|---|---|---|---|\n");
            for (ContinualStudy.Summary row : ContinualStudy.summarise(protocol, seeds, test)) {
                s.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s |%n", row.learner(), row.stateBytes(),
                        row.firstBefore().reported(), row.firstAfter().reported(), row.secondAfter().reported()));
            }
            s.append('\n');
        }
        s.append(String.format(Locale.ROOT, "Every learner at %,d bytes, the state of a device with %d feature"
                + " neurons; one pass per task; mean ± sd [95 %% interval] over seeds %s. Regenerate: `./aplysia report claims`.%n",
                ContinualStudy.budget(), ContinualStudy.FEATURES, seedList(seeds)));
        return s.toString();
    }

    /** The robot table: the device's two runs and every baseline on the last 30 % of the trace. */
    static String robot(List<RobotTable.Row> rows, long[] seeds) {
        StringBuilder s = new StringBuilder("| last 30 % of the run | accuracy | state bytes |\n|---|---|---|\n");
        for (RobotTable.Row row : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %,d |%n", row.learner(), row.accuracy().reported(),
                    row.stateBytes()));
        }
        s.append(String.format(Locale.ROOT, "%nMean ± sd [95 %% interval] over seeds %s (the network's and the learned baselines'"
                + " seeds; repeat-previous and 1-NN have none). Regenerate: `./aplysia report claims`.%n",
                seedList(seeds)));
        return s.toString();
    }

    private static String seedList(long[] seeds) {
        return Arrays.stream(seeds).mapToObj(Long::toString).collect(Collectors.joining(", "));
    }

    private static void createParent(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
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
                s.append(String.format(Locale.ROOT, " %s <sub>%,d B</sub> |", cell.accuracy().reported(),
                        cell.stateBytes()));
            }
            s.append(String.format(Locale.ROOT, " %d of %d seeds |%n", table.deviceAtLeast1nn().get(budget),
                    table.seeds().length));
        }
        s.append(String.format(Locale.ROOT, "%nOne-pass test accuracy (%s split), mean ± sd [95 %% interval of the mean] over seeds %s; state bytes"
                + " of the first seed's learner. Regenerate: `./aplysia report claims`.%n", table.split(),
                seedList(table.seeds())));
        return s.toString();
    }

    private static String label(long budget) {
        return budget == McuProfile.RP2040.stateBudgetBytes() ? "rp2040 (" + budget / 1024 + " KiB)"
                : budget / 1024 + " KiB";
    }
}
