package dev.aplysia.host.report;

import dev.aplysia.host.experiment.ComparisonPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Where, when and how a comparison ran, for the top of its report. Reading it never fails: what cannot be read is
 * {@value #UNKNOWN}.
 *
 * @param gitCommit {@code git rev-parse --short HEAD} in the working directory, or {@value #UNKNOWN}
 * @param date      when the run started, ISO-8601 UTC to the second ({@code 2025-06-01T09:30:00Z})
 * @param jvm       {@code java.vm.name} and {@code java.version}, e.g. {@code OpenJDK 64-Bit Server VM 17.0.15}
 * @param machine   the machine the host ran on
 * @param seeds     every seed the run used
 * @param options   the command's options
 */
public record RunMetadata(String gitCommit, String date, String jvm, Machine machine, List<Long> seeds,
                          Options options) {

    /** What a field that could not be read holds. */
    public static final String UNKNOWN = "unknown";

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{4,40}");
    private static final long GIT_TIMEOUT_SECONDS = 5;

    public RunMetadata {
        seeds = List.copyOf(seeds);
    }

    /**
     * The machine.
     *
     * @param os         {@code os.name}
     * @param arch       {@code os.arch}
     * @param processors processors available to the JVM
     * @param cpuModel   the first {@code model name} of {@code /proc/cpuinfo}, or {@value #UNKNOWN}
     */
    public record Machine(String os, String arch, int processors, String cpuModel) {
    }

    /**
     * The options of {@code aplysia demo} or {@code aplysia host compare} that shape the run.
     *
     * @param quick  {@code --quick}
     * @param hidden {@code --hidden}
     * @param seed   {@code --seed}
     */
    public record Options(boolean quick, int hidden, long seed) {
    }

    /**
     * Reads the metadata of a run of {@code plan} starting now.
     *
     * @param clock            gives the date
     * @param workingDirectory where {@code git} is asked for the commit
     */
    public static RunMetadata capture(ComparisonPlan plan, Clock clock, Path workingDirectory) {
        Machine machine = new Machine(System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), cpuModel(CPUINFO));
        return new RunMetadata(gitCommit(workingDirectory), clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), machine,
                List.of(plan.seed()), new Options(plan.quick(), plan.hidden(), plan.seed()));
    }

    /** The short commit checked out in {@code directory}, or {@value #UNKNOWN} without git or outside a repository. */
    static String gitCommit(Path directory) {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!git.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return UNKNOWN;
            }
            String commit = read(git.getInputStream());
            return git.exitValue() == 0 && COMMIT.matcher(commit).matches() ? commit : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }

    /** The value of the first {@code model name} line of a {@code /proc/cpuinfo} file, or {@value #UNKNOWN}. */
    static String cpuModel(Path cpuinfo) {
        try (var lines = Files.lines(cpuinfo, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith("model name") && line.contains(":"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).filter(model -> !model.isEmpty())
                    .findFirst().orElse(UNKNOWN);
        } catch (IOException | UncheckedIOException e) {
            return UNKNOWN;
        }
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
