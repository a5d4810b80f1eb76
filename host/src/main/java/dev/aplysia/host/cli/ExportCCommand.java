package dev.aplysia.host.cli;

import dev.aplysia.device.export.CDigitsProject;
import dev.aplysia.device.export.CGoldenSource;
import dev.aplysia.device.export.CProject;
import dev.aplysia.device.export.CRobotProject;
import dev.aplysia.device.golden.GoldenScenarios;
import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.persist.SnapshotException;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.fixtures.dataset.DigitSet;
import dev.aplysia.fixtures.dataset.RobotTrace;
import dev.aplysia.hal.HalException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code aplysia export c}: the C core, a board port, a network's tables and its parity check, and the golden-vector
 * check with the committed golden vectors, with a Makefile.
 */
@Command(name = "c", mixinStandardHelpOptions = true,
        description = {"Write a self-contained C99 project into DIR: the C core (bit-exact with the Java core), the"
                + " firmware loop, the board ports, the network's generated tables and snapshot layout, its check"
                + " against the Java run, and the golden-vector check (every committed golden vector replayed, each"
                + " value of each tick compared with tolerance 0).",
                "digits (--hidden 400): the first " + ExportCCommand.TRAIN + " optdigits training samples learned"
                        + " and " + ExportCCommand.TEST + " test samples classified; every decision and the state"
                        + " CRC-32 compared.",
                "robot (800 features): the C firmware loop on the first " + CRobotProject.SAMPLES + " periods of the"
                        + " UCI wall-following trace (" + CRobotProject.TAUGHT + " taught), every period's decision,"
                        + " motor duties and LEDs, the counters and the state CRC-32 compared with the Java firmware"
                        + " on a simulated board.",
                "Then: make -C DIR check (both checks with host gcc, as built and under the sanitizers) and make -C"
                        + " DIR qemu-check (both on Cortex-M0+ under QEMU, with size and instruction counts as"
                        + " JSON); each check prints N passed, 0 failed. Profile rp2040."})
final class ExportCCommand implements Callable<Integer> {

    static final int TRAIN = 500;
    static final int TEST = 200;
    private static final int HIDDEN = 400;
    private static final String DIGITS = "digits";

    @Option(names = "--network", required = true, paramLabel = "NAME",
            description = "The network: " + DIGITS + " or " + CRobotProject.NETWORK + ".")
    String network;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the network (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--snapshot", paramLabel = "FILE", description = "A Java snapshot of that network, loaded at"
            + " start-up by the C snapshot codec; the check continues from it.")
    Path snapshot;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write (created if"
            + " missing; must be empty unless --force).")
    Path out;

    @Option(names = "--force", description = "Write into DIR even if it is not empty (files of the same name are"
            + " replaced).")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, HalException {
        if (!network.equals(DIGITS) && !network.equals(CRobotProject.NETWORK)) {
            throw usage("--network must be " + DIGITS + " or " + CRobotProject.NETWORK + ", got " + network);
        }
        refuseUnlessWritable();
        Optional<byte[]> bytes = readSnapshot();
        CProject project = network.equals(DIGITS) ? digits(bytes) : robot(bytes);
        project.write(out);
        CGoldenSource.write(out, (vector, column) -> Fixtures.golden(vector).column(column));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("export c: wrote the %s project (%d checks) and %d golden vectors into %s; run make -C %s"
                + " check%n", project.network(), project.transcript().size(), GoldenScenarios.all().size(), out, out);
        stdout.flush();
        return 0;
    }

    private void refuseUnlessWritable() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw usage("--out " + out + " is not a folder");
        }
        if (!force && Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw usage("--out " + out + " is not empty (use --force to write into it)");
                }
            }
        }
    }

    private Optional<byte[]> readSnapshot() throws IOException {
        if (snapshot == null) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(snapshot)) {
            throw usage("--snapshot " + snapshot + " is not a file");
        }
        return Optional.of(Files.readAllBytes(snapshot));
    }

    private CDigitsProject digits(Optional<byte[]> bytes) {
        try {
            return CDigitsProject.of(ClassifierConfig.digits(HIDDEN, seed), McuProfile.RP2040,
                    samples(Fixtures.optdigits().train().head(TRAIN)), samples(Fixtures.optdigits().test().head(TEST)),
                    bytes);
        } catch (SnapshotException e) {
            throw usage("--snapshot " + snapshot + ": " + e.getMessage());
        }
    }

    private CRobotProject robot(Optional<byte[]> bytes) throws HalException {
        RobotTrace trace = Fixtures.wallFollowingRobot();
        CRobotProject.Samples samples = CRobotProject.Samples.of(CRobotProject.SAMPLES, RobotTrace.SENSORS,
                trace::distanceMillimetres, trace::command, CRobotProject.TAUGHT, CRobotProject.SIGNIFICANT_EVERY);
        try {
            return CRobotProject.of(seed, McuProfile.RP2040, samples, bytes, SimRobotBench::new);
        } catch (SnapshotException e) {
            throw usage("--snapshot " + snapshot + ": " + e.getMessage());
        }
    }

    private static CDigitsProject.Samples samples(DigitSet set) {
        return CDigitsProject.Samples.of(set.size(), DigitSet.PIXELS, set::label, set::pixel);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
