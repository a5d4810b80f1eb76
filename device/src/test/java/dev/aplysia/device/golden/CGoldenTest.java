package dev.aplysia.device.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.RequiredPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The C core against every committed golden vector on host gcc, tolerance 0 per tick and per column: the C core's
 * sources, the generated scenarios and the runner are compiled strictly ({@code -std=c99 -Wall -Wextra -Werror
 * -pedantic}) and again under the undefined-behaviour and address sanitizers, and each build must print
 * {@code N passed, 0 failed} for all N scenarios and exit 0. Skips without gcc, fails without it under CI.
 */
class CGoldenTest {

    private static final Path CORE = Path.of("src", "main", "c", "core");
    private static final Path RUNNER = Path.of("src", "test", "c");
    private static final Path BUILD = Path.of("target", "c-golden");
    private static final List<String> STRICT = List.of("-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic");

    @BeforeAll
    static void writeSources() throws IOException {
        Files.createDirectories(BUILD);
        RequiredPackage.require(gccAvailable(), "gcc is not installed: skipping the C goldens");
        copyAll(CORE);
        copyAll(RUNNER);
        for (GoldenScenario scenario : GoldenScenarios.all()) {
            write(CGoldenSource.fileName(scenario), CGoldenSource.scenario(scenario));
        }
        write(CGoldenSource.INDEX, CGoldenSource.index(GoldenScenarios.all()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"strict", "sanitized"})
    void everyGoldenVectorMatchesOnTheCCore(String build) throws IOException, InterruptedException {
        List<String> flags = new ArrayList<>(STRICT);
        if (build.equals("sanitized")) {
            flags.addAll(List.of("-g", "-fsanitize=undefined,address", "-fno-sanitize-recover=all"));
        }
        String binary = "golden-" + build;
        Result compiled = run(compileCommand(flags, binary));
        assertEquals(0, compiled.exit(), "gcc " + build + ":\n" + compiled.output());
        Result ran = run(List.of("./" + binary));
        int scenarios = GoldenScenarios.all().size();
        assertTrue(ran.output().contains(scenarios + " passed, 0 failed"), ran.output());
        assertEquals(0, ran.exit(), ran.output());
    }

    private static List<String> compileCommand(List<String> flags, String binary) throws IOException {
        List<String> command = new ArrayList<>(List.of("gcc"));
        command.addAll(flags);
        command.addAll(List.of("-I.", "-o", binary));
        try (Stream<Path> files = Files.list(BUILD)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c")).sorted().forEach(command::add);
        }
        return command;
    }

    private static void copyAll(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.copy(file, BUILD.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(BUILD.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static boolean gccAvailable() {
        try {
            return run(List.of("gcc", "--version")).exit() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A finished process: its exit code and its standard output and error, interleaved. */
    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(BUILD.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, output + "\n(timed out)");
        }
        return new Result(process.exitValue(), output);
    }
}
