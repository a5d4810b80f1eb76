package dev.aplysia.host.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code aplysia device run} in a JVM of its own, stopped with SIGTERM; its stdout and stderr go to one log file. */
final class DeviceProcess implements AutoCloseable {

    private final Process process;

    private DeviceProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code device run} with {@code args} after it, logging to {@code log}. */
    static DeviceProcess start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), AplysiaCommand.class.getName(), "device",
                "run"));
        command.addAll(List.of(args));
        return new DeviceProcess(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start());
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
