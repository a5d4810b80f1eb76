package dev.aplysia.device.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds and runs a C program on the host in one folder: copies sources in, compiles every {@code .c} file there
 * with gcc, strictly ({@code -std=c99 -Wall -Wextra -Werror -pedantic}) or also under the undefined-behaviour and
 * address sanitizers, and runs the result.
 */
final class HostGcc {

    /** The C core's sources, from the device module. */
    static final Path CORE = Path.of("src", "main", "c", "core");
    /** The golden runner and its header, packaged with the exported project. */
    static final Path GOLDENS = Path.of("src", "main", "c", "goldens");
    /** The hand-written test runners. */
    static final Path RUNNERS = Path.of("src", "test", "c");
    private static final List<String> STRICT = List.of("-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic");
    private static final List<String> SANITIZED = List.of("-g", "-fsanitize=undefined,address",
            "-fno-sanitize-recover=all");

    /** A finished process: its exit code and its standard output and error, interleaved. */
    record Result(int exit, String output) {
    }

    private final Path folder;

    HostGcc(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    /** True if gcc runs. */
    static boolean available() {
        try {
            Process process = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Copies the files of {@code source} (not its subfolders) into the build folder. */
    void copy(Path source) throws IOException {
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Copies only {@code names} from {@code source}. */
    void copy(Path source, String... names) throws IOException {
        for (String name : names) {
            Files.copy(source.resolve(name), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes a generated file into the build folder. */
    void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Compiles every C file of the folder into {@code binary}, sanitized or strict only. */
    Result compile(String binary, boolean sanitized) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gcc"));
        command.addAll(STRICT);
        if (sanitized) {
            command.addAll(SANITIZED);
        }
        command.addAll(List.of("-I.", "-o", binary));
        try (Stream<Path> files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c")).sorted().forEach(command::add);
        }
        return run(command);
    }

    /** Runs {@code binary} from the folder with {@code arguments}. */
    Result execute(String binary, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("./" + binary));
        command.addAll(List.of(arguments));
        return run(command);
    }

    /** Runs {@code command} in the folder, for at most two minutes. */
    Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, output + "\n(timed out)");
        }
        return new Result(process.exitValue(), output);
    }
}
