package dev.aplysia.host.cli;

import dev.aplysia.device.export.CDigitsProject;
import dev.aplysia.device.export.CGoldenSource;
import dev.aplysia.device.golden.GoldenScenarios;
import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.persist.SnapshotException;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.fixtures.dataset.DigitSet;
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
                + " board ports, the network's generated tables and snapshot layout, the golden-vector check (every"
                + " committed golden vector replayed, each value of each tick compared with tolerance 0) and the"
                + " digits check (the first " + ExportCCommand.TRAIN + " optdigits training samples learned and "
                + ExportCCommand.TEST + " test samples classified, every decision and the state CRC-32 compared with"
                + " the Java run).",
                "Then: make -C DIR check (both checks with host gcc, as built and under the sanitizers) and make -C"
                        + " DIR qemu-check (both on Cortex-M0+ under QEMU, with size and instruction counts as"
                        + " JSON); each run prints N passed, 0 failed.",
                "Only the digits network for now (--hidden 400, profile rp2040); robot is not yet exported."})
final class ExportCCommand implements Callable<Integer> {

    static final int TRAIN = 500;
    static final int TEST = 200;
    private static final int HIDDEN = 400;

    @Option(names = "--network", required = true, paramLabel = "NAME",
            description = "The network: digits (robot: not yet).")
    String network;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the digits network (default: ${DEFAULT-VALUE}).")
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
    public Integer call() throws IOException {
        if (network.equals("robot")) {
            throw usage("--network robot: not yet: only digits");
        }
        if (!network.equals("digits")) {
            throw usage("--network must be digits, got " + network);
        }
        refuseUnlessWritable();
        CDigitsProject project = project(readSnapshot());
        project.write(out);
        CGoldenSource.write(out, (vector, column) -> Fixtures.golden(vector).column(column));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("export c: wrote the digits project (%d checks) and %d golden vectors into %s; run make -C %s"
                + " check%n", project.transcript().size(), GoldenScenarios.all().size(), out, out);
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

    private CDigitsProject project(Optional<byte[]> bytes) {
        try {
            return CDigitsProject.of(ClassifierConfig.digits(HIDDEN, seed), McuProfile.RP2040,
                    samples(Fixtures.optdigits().train().head(TRAIN)), samples(Fixtures.optdigits().test().head(TEST)),
                    bytes);
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
