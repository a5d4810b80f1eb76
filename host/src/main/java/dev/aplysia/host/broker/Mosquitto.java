package dev.aplysia.host.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real Mosquitto ({@value #BINARY}) started as a child process on a free loopback port, with a config file written
 * explicitly into a directory of the caller's: the broker of the Mosquitto tests and of the ingest benchmark.
 */
public final class Mosquitto implements AutoCloseable {

    /** Where Debian's {@code mosquitto} package installs the broker. */
    public static final String BINARY = "/usr/sbin/mosquitto";
    /** Where Debian's {@code mosquitto} package installs its password tool. */
    public static final String PASSWD = "/usr/bin/mosquitto_passwd";
    private static final long START_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    /** True if the Mosquitto binary (and its password tool) is installed. */
    public static boolean installed() {
        return Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of(PASSWD));
    }

    /**
     * The limits a fleet needs, written out rather than left to Mosquitto 2.0's defaults (which would hold a fleet's
     * collector to 20 QoS 1 messages in flight and drop what exceeds 1000 queued): anonymous clients, no limit on
     * connections, in-flight or queued messages, and no Nagle delay on the broker's sockets.
     */
    public static List<String> fleetSettings() {
        return List.of("allow_anonymous true", "max_connections -1", "max_inflight_messages 0",
                "max_queued_messages 0", "max_queued_bytes 0", "set_tcp_nodelay true");
    }

    /**
     * A broker on a free loopback port whose config ({@code mosquitto.conf}) and log ({@code mosquitto.log}) live in
     * {@code dir}, configured by {@code settings} ({@code allow_anonymous}, {@code password_file}, limits ...)
     * after its listener; it keeps nothing on disk ({@code persistence false}).
     */
    public Mosquitto(Path dir, List<String> settings) throws IOException {
        this.port = freePort();
        List<String> lines = new ArrayList<>(List.of("listener " + port + " 127.0.0.1"));
        lines.addAll(settings);
        lines.addAll(List.of("persistence false", "log_dest stderr", ""));
        this.config = Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n", lines));
        this.log = dir.resolve("mosquitto.log");
    }

    /**
     * Starts the process and waits until it accepts connections (again on the same port after {@link #stop()}).
     *
     * @throws IOException with the broker's log if it does not listen within 5 s
     */
    public synchronized void start() throws IOException {
        process = new ProcessBuilder(BINARY, "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + START_NANOS;
        while (!accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("mosquitto did not start on port " + port + ": " + Files.readString(log));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** Stops the broker process in its tracks (SIGSTOP): connections stay open, nothing is answered. */
    public void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a {@link #freeze() frozen} broker go on (SIGCONT). */
    public void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill " + signal + " " + process.pid() + " failed");
        }
    }

    /** Stops the process (thawing it first if frozen); its retained messages and sessions are gone. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        try {
            thaw();
        } catch (IOException e) {
            process.destroyForcibly();
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    /** {@code tcp://127.0.0.1:PORT}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The loopback port it listens on. */
    public int port() {
        return port;
    }

    /** Stops the broker. */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean accepts() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
