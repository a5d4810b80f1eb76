package dev.aplysia.host.collect;

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

/** A real Mosquitto ({@value #BINARY}) started by the test on a free loopback port, with its own config file. */
public final class MosquittoBroker implements TestBroker {

    static final String BINARY = "/usr/sbin/mosquitto";
    static final String PASSWD = "/usr/bin/mosquitto_passwd";

    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    /** True if the Mosquitto binary (and its password tool) is installed. */
    public static boolean available() {
        return Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of(PASSWD));
    }

    /** A broker open to anonymous clients, whose config and log live in {@code dir}. */
    public MosquittoBroker(Path dir) throws IOException {
        this(dir, List.of("allow_anonymous true"));
    }

    /** A broker whose access is configured by {@code accessLines} ({@code password_file}, {@code acl_file}, ...). */
    public MosquittoBroker(Path dir, List<String> accessLines) throws IOException {
        this.port = freePort();
        List<String> lines = new ArrayList<>(List.of("listener " + port + " 127.0.0.1"));
        lines.addAll(accessLines);
        lines.addAll(List.of("persistence false", "log_dest stderr", ""));
        this.config = Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n", lines));
        this.log = dir.resolve("mosquitto.log");
    }

    /** A broker that admits only {@code user} with {@code password} ({@value #PASSWD} writes the password file). */
    public static MosquittoBroker withPassword(Path dir, String user, String password)
            throws IOException, InterruptedException {
        Path file = dir.resolve("passwords");
        Process passwd = new ProcessBuilder(PASSWD, "-b", "-c", file.toString(), user, password)
                .redirectErrorStream(true).start();
        String output = new String(passwd.getInputStream().readAllBytes());
        if (passwd.waitFor() != 0) {
            throw new IOException(PASSWD + " failed: " + output);
        }
        // Started as root, Mosquitto drops to user 'mosquitto', who cannot read a test's private temporary directory.
        return new MosquittoBroker(dir, List.of("allow_anonymous false", "password_file " + file,
                "user " + System.getProperty("user.name")));
    }

    @Override
    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(BINARY, "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
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

    @Override
    public void stop() throws InterruptedException {
        if (process != null) {
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
    }

    @Override
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public int port() {
        return port;
    }

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
