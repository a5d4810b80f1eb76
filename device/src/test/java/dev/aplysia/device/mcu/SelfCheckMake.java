package dev.aplysia.device.mcu;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code make} on the board port's self-check ({@code src/test/c/Makefile}), building into {@code target/c-board}.
 * The Makefile bounds a QEMU run itself ({@code MCU_TIMEOUT}); this bounds the whole build as well, so that nothing
 * can hang the test run.
 */
final class SelfCheckMake {

    private static final Path SOURCES = Path.of("src", "test", "c");
    private static final Path BUILD = Path.of("target", "c-board");
    private static final long LIMIT_MINUTES = 5;

    /** What a make run printed (stdout and stderr, interleaved) and how it exited. */
    record Result(int exitCode, List<String> lines) {

        /** The whole output, for assertion messages. */
        String output() {
            return String.join("\n", lines);
        }
    }

    private SelfCheckMake() {
    }

    /** Runs {@code make target}; fails if it takes longer than the limit. */
    static Result run(String target) throws IOException, InterruptedException {
        Files.createDirectories(BUILD);
        Path log = BUILD.resolve(target + ".log");
        Process make = new ProcessBuilder("make", "-C", SOURCES.toString(),
                "BUILD=" + BUILD.toAbsolutePath(), target)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!make.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
            make.destroyForcibly().waitFor();
            throw new IOException("make " + target + " took longer than " + LIMIT_MINUTES + " minutes: "
                    + Files.readString(log));
        }
        return new Result(make.exitValue(), Files.readAllLines(log));
    }

    /** Whether {@code command} is an executable file in a directory of {@code PATH}. */
    static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }
}
