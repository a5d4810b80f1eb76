package dev.aplysia.host.cli;

import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.host.broker.EmbeddedBroker;
import dev.aplysia.host.watch.WatchServer;
import dev.aplysia.host.watch.WatchedBroker;
import dev.aplysia.node.BrokerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aplysia host watch}: the live web page of every device on a broker. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Serve a web page that shows every device on --broker live: status and health, accuracy and"
                + " decisions, the modulator and learning events, deadline misses and tick utilisation, snapshot age,"
                + " receptive fields when a device publishes them, and halt/resume/learning buttons for a firmware.",
                "Without --broker it starts the embedded broker on " + EmbeddedBroker.HOST + ":"
                        + WatchCommand.EMBEDDED_PORT + ", for devices started with --broker tcp://"
                        + EmbeddedBroker.HOST + ":" + WatchCommand.EMBEDDED_PORT + ". Runs until Ctrl-C."})
final class WatchCommand implements Callable<Integer> {

    /** The embedded broker's port when no {@code --broker} is given: MQTT's own. */
    static final int EMBEDDED_PORT = 1883;

    @Option(names = "--broker", description = "Watch this broker (tcp://, ssl://, mqtt:// or mqtts://host:port)"
            + " instead of starting the embedded one.")
    String brokerUrl;

    @Option(names = "--http", defaultValue = "127.0.0.1:8080", description = "Address of the page, HOST:PORT"
            + " (port 0: a free one). Anything but loopback lets whoever reaches it halt your devices"
            + " (default: ${DEFAULT-VALUE}).")
    String http;

    @Mixin
    BrokerOptions broker;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Counted down by SIGINT/SIGTERM. */
    private final CountDownLatch stopping = new CountDownLatch(1);
    /** Counted down once the page, the collectors and the broker are closed: the shutdown hook waits for it. */
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        InetSocketAddress address = address();
        if (brokerUrl != null) {
            BrokerOptions.requireValidUrl(spec, "--broker", brokerUrl);
        }
        PrintWriter err = spec.commandLine().getErr();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAndAwaitClosing, "aplysia-watch-shutdown"));
        try (EmbeddedBroker embedded = brokerUrl == null ? embedded() : null) {
            String url = embedded == null ? brokerUrl : embedded.url();
            err.println(embedded == null ? "broker: " + url : "broker: embedded Moquette at " + url);
            watchUntilStopped(url, address, err);
        } finally {
            closed.countDown();
        }
        return 0;
    }

    /** Watches the broker at {@code url} and serves the page on {@code address} until SIGINT/SIGTERM. */
    private void watchUntilStopped(String url, InetSocketAddress address, PrintWriter err) throws Exception {
        try (WatchedBroker watched = new WatchedBroker(Topics.DEFAULT_PREFIX, stem -> new PahoTransport(
                broker.settings(url, MqttSettings.perRunClientId(stem))), err)) {
            watched.start();
            try (WatchServer server = serve(watched, address)) {
                if (!address.getAddress().isLoopbackAddress()) {
                    err.println("warning: the page listens on " + address + ": anyone who reaches it can halt the"
                            + " devices");
                }
                err.println("Ctrl-C stops it");
                err.flush();
                PrintWriter out = spec.commandLine().getOut();
                out.println("page: " + server.url());
                out.flush();
                stopping.await();
            }
        }
    }

    /** The embedded broker on its port, or an error naming the port if something else listens there. */
    private static EmbeddedBroker embedded() throws IOException {
        ServerSocket probe;
        try {
            probe = new ServerSocket(EMBEDDED_PORT, 1, InetAddress.getByName(EmbeddedBroker.HOST));
        } catch (IOException taken) {
            throw new IOException("cannot start the embedded broker on " + EmbeddedBroker.HOST + ":" + EMBEDDED_PORT
                    + " (" + taken.getMessage() + "); if another broker listens there, watch it with --broker tcp://"
                    + EmbeddedBroker.HOST + ":" + EMBEDDED_PORT, taken);
        }
        probe.close();
        return new EmbeddedBroker(EMBEDDED_PORT).start();
    }

    private static WatchServer serve(WatchedBroker watched, InetSocketAddress address) throws IOException {
        try {
            return WatchServer.start(watched, address);
        } catch (IOException e) {
            throw new IOException("cannot serve the page on " + address.getAddress().getHostAddress() + ":"
                    + address.getPort() + " (" + e.getMessage() + "); choose another with --http HOST:PORT", e);
        }
    }

    /** {@code --http} as an address to bind, or a usage error naming what is wrong. */
    private InetSocketAddress address() {
        int colon = http.lastIndexOf(':');
        if (colon <= 0) {
            throw usage("--http must be HOST:PORT, like 127.0.0.1:8080, got '" + http + "'");
        }
        int port;
        try {
            port = Integer.parseInt(http.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw usage("--http: the port of '" + http + "' is not a number");
        }
        if (port < 0 || port > 65535) {
            throw usage("--http: port " + port + " is outside 0..65535");
        }
        String host = http.substring(0, colon).replaceAll("^\\[|\\]$", "");
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw usage("--http: unknown host '" + host + "'");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private void stopAndAwaitClosing() {
        stopping.countDown();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
