package dev.aplysia.host.collect;

import dev.aplysia.host.broker.Mosquitto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A real Mosquitto ({@link Mosquitto}) as a {@link TestBroker}. */
public final class MosquittoBroker implements TestBroker {

    static final String BINARY = Mosquitto.BINARY;
    static final String PASSWD = Mosquitto.PASSWD;

    private final Mosquitto mosquitto;

    /** True if the Mosquitto binary (and its password tool) is installed. */
    public static boolean available() {
        return Mosquitto.installed();
    }

    /** A broker open to anonymous clients, whose config and log live in {@code dir}. */
    public MosquittoBroker(Path dir) throws IOException {
        this(dir, List.of("allow_anonymous true"));
    }

    /** A broker whose access is configured by {@code accessLines} ({@code password_file}, {@code acl_file}, ...). */
    public MosquittoBroker(Path dir, List<String> accessLines) throws IOException {
        this.mosquitto = new Mosquitto(dir, accessLines);
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
    public void start() throws IOException {
        mosquitto.start();
    }

    /** Stops the broker process in its tracks (SIGSTOP): connections stay open, nothing is answered. */
    public void freeze() throws IOException, InterruptedException {
        mosquitto.freeze();
    }

    /** Lets a {@link #freeze() frozen} broker go on (SIGCONT). */
    public void thaw() throws IOException, InterruptedException {
        mosquitto.thaw();
    }

    @Override
    public void stop() throws InterruptedException {
        mosquitto.stop();
    }

    @Override
    public String url() {
        return mosquitto.url();
    }

    @Override
    public int port() {
        return mosquitto.port();
    }

    @Override
    public void close() {
        mosquitto.close();
    }
}
