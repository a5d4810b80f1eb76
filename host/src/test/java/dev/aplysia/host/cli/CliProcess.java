package dev.aplysia.host.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * An {@code aplysia} command ({@code device run}, {@code host watch}) in a JVM of its own, stopped with SIGTERM; its
 * stdout and stderr go to one log file.
 */
final class CliProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private CliProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code aplysia} with {@code args}, logging to {@code log}. */
    static CliProcess start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), AplysiaCommand.class.getName()));
        command.addAll(List.of(args));
        return new CliProcess(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start(), log);
    }

    /**
     * Waits for a line of the log that starts with {@code prefix}.
     *
     * @return the rest of the line
     * @throws TimeoutException with the log, if none came within {@code timeout} or the process ended first
     */
    String awaitLine(String prefix, Duration timeout) throws IOException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> line = Files.readAllLines(log).stream().filter(l -> l.startsWith(prefix)).findFirst();
            if (line.isPresent()) {
                return line.get().substring(prefix.length());
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new TimeoutException("no line '" + prefix + "...' from the process (alive: "
                        + process.isAlive() + "); its log:\n" + Files.readString(log));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** Sends SIGTERM and waits for the exit (killing the process if it takes more than 30 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
