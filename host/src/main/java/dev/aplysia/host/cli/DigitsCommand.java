package dev.aplysia.host.cli;

import dev.aplysia.node.Profiles;
import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.host.experiment.DigitsOnDevice;
import dev.aplysia.host.experiment.DigitsSplit;
import dev.aplysia.host.experiment.LearningCurve;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code aplysia core digits}: learn UCI optdigits on the simulated device in one online pass. */
@Command(name = "digits", mixinStandardHelpOptions = true,
        description = {"Learn the UCI optdigits training set (3823 images) in one seeded online pass with local"
                + " rules only, on the fixed-point core, then classify the 1797 test images.",
                "Progress goes to stderr; the result to stdout."})
final class DigitsCommand implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the network and the presentation order"
            + " (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--hidden", defaultValue = "400", description = "Feature neurons (default: ${DEFAULT-VALUE});"
            + " ignored with --budget.")
    int hidden;

    @Option(names = "--budget", paramLabel = "BYTES", description = "Size the network to the most feature neurons"
            + " whose state fits BYTES (suffix K for 1024 bytes, e.g. 16K).", converter = ByteCount.class)
    Long budget;

    @Option(names = "--split", defaultValue = "test", description = "test: learn the 3823 training rows, score the"
            + " 1797 test rows; validation: learn four fifths of the training rows, score the other fifth (for"
            + " choosing constants; the test rows are not read) (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--profile", defaultValue = "rp2040",
            description = "MCU profile whose memory the network must fit: rp2040, rp2350, esp32, pi-native"
                    + " (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (hidden < 1 || hidden > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--hidden must be in 1..65535, got " + hidden);
        }
        McuProfile mcu = Profiles.parse(spec, profile);
        DigitsSplit data = Splits.parse(spec, split);
        ClassifierConfig config = ClassifierConfig.digits(hidden, seed);
        if (budget != null) {
            try {
                config = SpikingClassifier.digitsWithin(budget, seed);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--budget: " + e.getMessage());
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        DigitsOnDevice.Result result = DigitsOnDevice.learningCurve(config, mcu, data.train(), data.score(),
                (point, of) -> {
                    err.printf("digits: %d/%d samples learned, test accuracy %.4f%n", point.samples(), of,
                            point.accuracy());
                    err.flush();
                }, trained -> { });
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? JsonOutput.of(result) : human(result));
        out.flush();
        return 0;
    }

    private static String human(DigitsOnDevice.Result r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("optdigits on the device (seed %d, %d feature neurons, profile %s)%n", r.seed(),
                r.hidden(), r.profile()));
        s.append(String.format("  test accuracy    %.4f after one pass over %d samples (%d test)%n", r.accuracy(),
                r.trainSamples(), r.testSamples()));
        s.append(String.format("  state            %,d bytes of %,d budget (fits: %s)%n", r.stateBytes(),
                r.budgetBytes(), r.fitsProfile()));
        s.append(String.format("  work             %.0f operations per tick, %d ticks and %,d operations per"
                + " learned sample, %.0f us per learned sample here%n", r.opsPerTick(), r.ticksPerSample(),
                r.opsPerLearningStep(), r.microsPerSample()));
        s.append(String.format("  wall time        %,d ms%n", r.wallMs()));
        s.append("  learning curve  ");
        for (LearningCurve.Point p : r.learningCurve()) {
            s.append(String.format(" %d:%.3f", p.samples(), p.accuracy()));
        }
        return s.toString();
    }
}
