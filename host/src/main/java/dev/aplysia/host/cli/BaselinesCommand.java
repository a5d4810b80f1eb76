package dev.aplysia.host.cli;

import dev.aplysia.host.experiment.BudgetStudy;
import dev.aplysia.host.experiment.DigitsSplit;
import dev.aplysia.host.experiment.LearnerRun;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code aplysia host baselines}: the device and the digits baselines at one budget of state bytes. */
@Command(name = "baselines", mixinStandardHelpOptions = true,
        description = {"Run the device's learner and the baselines that could explain it (1-nearest-neighbour over a"
                + " reservoir of stored samples, online nearest class mean, online backprop, backprop with a replay"
                + " buffer), each sized to the same budget of state bytes, over one pass of the optdigits training"
                + " rows in the same seeded order, and score them on the same rows.",
                "Progress goes to stderr; the result to stdout."})
final class BaselinesCommand implements Callable<Integer> {

    @Option(names = "--budget", paramLabel = "BYTES", defaultValue = "16K", converter = ByteCount.class,
            description = "Bytes of state every learner must fit (suffix K for 1024 bytes; default: ${DEFAULT-VALUE}).")
    long budget;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the presentation order and of every learner"
            + " (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--split", defaultValue = "test", description = "test or validation (see `core digits --help`;"
            + " default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DigitsSplit data = Splits.parse(spec, split);
        PrintWriter err = spec.commandLine().getErr();
        err.printf("baselines: five learners at %,d bytes, seed %d, %s split...%n", budget, seed, data.name());
        err.flush();
        BudgetStudy.Result result;
        try {
            result = BudgetStudy.run(budget, seed, data);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--budget: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? JsonOutput.of(result) : human(result));
        out.flush();
        return 0;
    }

    private static String human(BudgetStudy.Result r) {
        StringBuilder s = new StringBuilder(String.format("optdigits at %,d bytes of state (seed %d, %s split)%n",
                r.budget(), r.seed(), r.split()));
        s.append(String.format("  %-20s %12s %9s%n", "learner", "state bytes", "accuracy"));
        for (LearnerRun run : r.learners()) {
            s.append(String.format("  %-20s %,12d %9.4f%n", run.name(), run.stateBytes(), run.accuracy()));
        }
        return s.toString().stripTrailing();
    }
}
