package dev.aplysia.node;

import dev.aplysia.device.firmware.CommandAccess;
import dev.aplysia.device.firmware.Firmware;
import dev.aplysia.device.firmware.FirmwareConfig;
import dev.aplysia.device.firmware.FirmwareEntities;
import dev.aplysia.device.firmware.FirmwareEvents;
import dev.aplysia.device.firmware.FirmwareHealth;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.command.CommandProcessor;
import dev.aplysia.device.command.CommandSpec;
import dev.aplysia.device.telemetry.DeviceMeta;
import dev.aplysia.device.telemetry.LinkHealth;
import dev.aplysia.device.firmware.FirmwareCommands;
import dev.aplysia.device.firmware.FirmwareTelemetry;
import dev.aplysia.device.telemetry.Publisher;
import dev.aplysia.device.telemetry.Telemetry;
import dev.aplysia.device.telemetry.TelemetryQueue;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.TransportException;
import dev.aplysia.device.telemetry.homeassistant.HomeAssistantDiscovery;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.hal.Board;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A running firmware's MQTT link, or none: telemetry out through a bounded queue and the publisher thread, commands
 * in, applied on the tick thread between ticks, and the health frame reported there too.
 */
public record FirmwareLink(Telemetry telemetry, CommandProcessor processor, Publisher publisher, FirmwareHealth health)
        implements AutoCloseable {

    /** How long closing waits for queued telemetry to be delivered. */
    private static final long DRAIN_NANOS = 3_000_000_000L;
    /** How long a verdict waits for the first connection attempt: the default connect timeout and a margin. */
    private static final long FIRST_ATTEMPT_NANOS = 12_000_000_000L;

    /**
     * A link to {@code url} obeying what {@code access} allows, or no link when {@code url} is null.
     *
     * @param discoveryPrefix Home Assistant's discovery prefix to announce the device under; null for none
     */
    static FirmwareLink open(String url, BrokerOptions options, String discoveryPrefix, FirmwareConfig config,
                             Board board, CommandAccess access, PrintWriter err) throws TransportException {
        return open(url, options, discoveryPrefix, config.deviceId(),
                FirmwareCommands.specs(config.classifier(), access),
                DeviceMeta.of(SpikingClassifier.spec(config.classifier()), config.profile()), board, err);
    }

    /**
     * A link for any firmware application: device {@code deviceId} described by {@code meta}, taking
     * {@code commands} (none: telemetry only), or no link when {@code url} is null.
     *
     * @param discoveryPrefix Home Assistant's discovery prefix to announce the device under; null for none
     */
    public static FirmwareLink open(String url, BrokerOptions options, String discoveryPrefix, String deviceId,
                                    List<CommandSpec> commands, DeviceMeta meta, Board board, PrintWriter err)
            throws TransportException {
        if (url == null) {
            return none();
        }
        String clientId = MqttSettings.perRunClientId("aplysia-" + deviceId);
        return open(url, new PahoTransport(options.settings(url, clientId)), discoveryPrefix, deviceId, commands, meta,
                board, err);
    }

    /**
     * A link over {@code transport} (a client of {@code url} with a per-run client id of its own, see
     * {@link MqttSettings#perRunClientId}) for device {@code deviceId} described by {@code meta}, taking
     * {@code commands}.
     *
     * @param transport       owned by the link from now on
     * @param discoveryPrefix Home Assistant's discovery prefix to announce the device under; null for none
     */
    public static FirmwareLink open(String url, Transport transport, String discoveryPrefix, String deviceId,
                                    List<CommandSpec> commands, DeviceMeta meta, Board board, PrintWriter err) {
        Telemetry telemetry = new Telemetry(new TelemetryQueue(512, 512), board.clock(), board.wallClock());
        FirmwareHealth health = new FirmwareHealth(telemetry);
        CommandProcessor processor = new CommandProcessor(commands, 16);
        Topics topics = Topics.of(deviceId);
        Publisher publisher = new Publisher(topics, telemetry, processor, meta, transport);
        publisher.health().listen(new LinkReport(err, url));
        err.println("telemetry to " + url + " as " + topics.root());
        if (discoveryPrefix != null) {
            publisher.announceAlso(new HomeAssistantDiscovery(discoveryPrefix, topics, meta,
                    FirmwareEntities.of(topics)));
            err.println("Home Assistant discovery under " + discoveryPrefix + "/");
        }
        return new FirmwareLink(telemetry, processor, publisher, health);
    }

    /** No link: the firmware reports nowhere and takes no commands. */
    public static FirmwareLink none() {
        return new FirmwareLink(null, null, null, null);
    }

    /** Where the firmware reports. */
    public FirmwareEvents events() {
        return telemetry == null ? FirmwareEvents.NONE : FirmwareEvents.both(new FirmwareTelemetry(telemetry), health);
    }

    /** What the runner calls between ticks: apply the commands, report health when due. */
    public Runnable betweenTicks(Firmware firmware) {
        if (processor == null) {
            return () -> { };
        }
        FirmwareCommands commands = new FirmwareCommands(processor, firmware);
        return () -> {
            commands.run();
            health.report(firmware);
        };
    }

    /** Calls {@code stop} (on the publisher's thread) if another run turns out to hold the device id. */
    public void onConflict(Runnable stop) {
        if (publisher != null) {
            publisher.health().listen(event -> {
                if (event.kind() == LinkHealth.Kind.CONFLICT) {
                    stop.run();
                }
            });
        }
    }

    /** Starts the publisher thread, which connects (and reconnects) on its own. */
    public void start() throws TransportException {
        if (publisher != null) {
            publisher.start();
        }
    }

    /**
     * Why the run must fail because of its link, or null: another run holds the device id, or the link never
     * connected during the run. Waits for the
     * outcome of a first connection attempt still in progress, so that its reason can be given.
     */
    public String failure(String url) {
        if (publisher == null) {
            return null;
        }
        if (publisher.conflict() != null) {
            return publisher.conflict();
        }
        long deadline = System.nanoTime() + FIRST_ATTEMPT_NANOS;
        while (publisher.connections() == 0 && publisher.health().count(LinkHealth.Kind.CONNECT_FAILED) == 0
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000_000L);
        }
        if (publisher.connections() > 0) {
            return null;
        }
        String reason = publisher.health().lastFailure();
        return "never connected to " + url + " during the run" + (reason == null ? "" : ": " + reason);
    }

    /** Gives the publisher a few seconds to deliver what is queued, then disconnects. */
    @Override
    public void close() {
        if (publisher == null) {
            return;
        }
        long deadline = System.nanoTime() + DRAIN_NANOS;
        while (telemetry.queue().size() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000_000L);
        }
        publisher.close();
    }
}
