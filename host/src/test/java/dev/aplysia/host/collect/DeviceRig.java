package dev.aplysia.host.collect;

import dev.aplysia.device.command.Command;
import dev.aplysia.device.command.CommandCatalog;
import dev.aplysia.device.command.CommandProcessor;
import dev.aplysia.device.telemetry.DeviceMeta;
import dev.aplysia.device.telemetry.FrameChannel;
import dev.aplysia.device.telemetry.Publisher;
import dev.aplysia.device.telemetry.Telemetry;
import dev.aplysia.device.telemetry.TelemetryQueue;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.TransportException;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A device as the firmware would wire it: an {@code accuracy} stream, the standard commands (one settable parameter,
 * one loadable projection), a publisher over Paho, and a firmware loop that applies commands between "ticks" (it
 * rejects {@code snapshot}, having no storage).
 */
final class DeviceRig implements AutoCloseable {

    static final DeviceMeta META = new DeviceMeta("0.1.0-test", "pi-native", "digits", new int[] {64, 100, 10},
            Map.of("weight", "Q1.14"));

    final Topics topics;
    final TelemetryQueue queue;
    final CommandProcessor commands;
    final Publisher publisher;
    final List<Command> applied = new CopyOnWriteArrayList<>();
    private final FrameChannel accuracy;
    private final Thread firmware;
    private volatile boolean running = true;

    DeviceRig(String deviceId, String url, int queueCapacity) throws TransportException {
        topics = Topics.of(deviceId);
        queue = new TelemetryQueue(queueCapacity, 256);
        Telemetry telemetry = new Telemetry(queue);
        accuracy = telemetry.stream("accuracy");
        commands = new CommandProcessor(new CommandCatalog()
                .parameter("learning-rate", 0, 1)
                .projection("readout", 1000, -1, 1)
                .specs(), 8);
        publisher = new Publisher(topics, telemetry, commands, META,
                new PahoTransport(settings(url, MqttSettings.perRunClientId("device-" + deviceId))));
        firmware = new Thread(this::applyCommands, "firmware-" + deviceId);
        firmware.setDaemon(true);
        firmware.start();
        publisher.start();
    }

    /** Fast reconnection, short timeouts: what a test on loopback wants. */
    /** Connect timeout of the test clients. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /**
     * Settings for clients that are not about connecting: the default connect timeout, so that a broker slowed by a
     * loaded machine is not given up on (and the attempt replaced) after {@link #CONNECT_TIMEOUT}.
     */
    static MqttSettings patientSettings(String url, String clientId) {
        return MqttSettings.of(url, clientId)
                .withReconnectDelays(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    static MqttSettings settings(String url, String clientId) {
        return MqttSettings.of(url, clientId)
                .withTimeouts(CONNECT_TIMEOUT, Duration.ofSeconds(30), Duration.ofSeconds(5))
                .withReconnectDelays(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    /** Produces the next {@code count} frames of {@code accuracy}; tick and ts follow seq. */
    void send(int count) {
        for (int i = 0; i < count; i++) {
            long seq = accuracy.nextSeq();
            accuracy.begin(seq).field("acc", seq / 1000.0, 3);
            accuracy.send();
        }
    }

    private void applyCommands() {
        while (running) {
            Command command = commands.poll();
            if (command == null) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            } else if (command.name().equals(CommandCatalog.SNAPSHOT)) {
                commands.reject(command, "no storage on this board");
            } else {
                applied.add(command);
                commands.acknowledge(command);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        publisher.close();
    }
}
