package dev.aplysia.host.cli;

import dev.aplysia.node.Profiles;
import dev.aplysia.device.firmware.McuLoad;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.host.baseline.Baseline;
import dev.aplysia.host.experiment.RobotOnDevice;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code aplysia device robot}: the firmware learns to drive from the UCI wall-following robot trace. */
@Command(name = "robot", mixinStandardHelpOptions = true,
        description = {"Replay the UCI wall-following robot trace (5456 samples, 24 ultrasound sensors, 9 samples/s)"
                + " through the simulated board: the firmware learns online, with local rules only, to choose one"
                + " of four commands, taught by the demonstrator's command, and drives the motor PWM outputs.",
                "Scores the last 30%% of the run with teaching stopped after the first 70%% (frozen) and with"
                        + " teaching continuing, beside baselines on the same split: repeat-previous, logistic"
                        + " regression, an offline MLP, prequential 1-nearest-neighbour (memory growing, and frozen)."
                        + " Progress goes to stderr; the result to stdout."})
final class RobotCommand implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the network and of the seeded baselines (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--profile", defaultValue = "rp2040",
            description = "MCU profile: rp2040, rp2350, esp32, pi-native (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        McuProfile mcu = Profiles.parse(spec, profile);
        PrintWriter err = spec.commandLine().getErr();
        RobotOnDevice.Result r = RobotOnDevice.run(Fixtures.wallFollowingRobot(), mcu, seed, line -> {
            err.println(line);
            err.flush();
        });
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? JsonOutput.of(r) : human(r));
        out.flush();
        return 0;
    }

    private static String human(RobotOnDevice.Result r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("wall-following robot on the device (seed %d, profile %s)%n", r.seed(), r.profile()));
        s.append(String.format("  last 30%% accuracy   %.4f learning frozen after %d samples, %.4f learning"
                + " continuing%n", r.accuracyFrozen(), r.trainSamples(), r.accuracyContinuing()));
        s.append("  accuracy by window  frozen / continuing\n");
        for (RobotOnDevice.Window w : r.windows()) {
            s.append(String.format("    samples %4d-%4d  %.3f / %.3f%n", w.fromSample(), w.toSample() - 1,
                    w.frozen(), w.continuing()));
        }
        s.append(String.format("  state %,d bytes; %,d ticks; deadline misses %d and MCU overruns %d on %s (the"
                + " simulated clock is charged each tick's estimated MCU time); replays' wall time %,d ms%n",
                r.stateBytes(), r.ticks(), r.deadlineMisses(), r.mcuOverruns(), r.profile(), r.wallMs()));
        s.append(McuLoad.table(r.mcu(), "the continuing replay's ticks"));
        s.append("  last 30% beside baselines on the same split  accuracy  state bytes\n");
        row(s, "device, learning frozen", r.accuracyFrozen(), r.stateBytes());
        row(s, "device, learning continuing", r.accuracyContinuing(), r.stateBytes());
        for (Baseline b : r.baselines()) {
            row(s, b.name(), b.accuracy(), b.stateBytes());
        }
        return s.toString().stripTrailing();
    }

    private static void row(StringBuilder s, String name, double accuracy, long stateBytes) {
        s.append(String.format("    %-40s %.4f %,12d%n", name, accuracy, stateBytes));
    }
}
