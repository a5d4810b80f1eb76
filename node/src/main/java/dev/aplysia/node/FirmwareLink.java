package dev.aplysia.node;

import dev.aplysia.device.firmware.CommandAccess;
import dev.aplysia.device.firmware.Firmware;
import dev.aplysia.device.firmware.FirmwareConfig;
import dev.aplysia.device.firmware.FirmwareEvents;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.command.CommandProcessor;
import dev.aplysia.device.telemetry.DeviceMeta;
import dev.aplysia.device.firmware.FirmwareCommands;
import dev.aplysia.device.firmware.FirmwareTelemetry;
import dev.aplysia.device.telemetry.Publisher;
import dev.aplysia.device.telemetry.Telemetry;
import dev.aplysia.device.telemetry.TelemetryQueue;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.TransportException;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.hal.Board;
import dev.aplysia.hal.time.Clock;
import java.io.PrintWriter;
import java.util.concurrent.locks.LockSupport;

/**
 * A running firmware's MQTT link, or none: telemetry out through a bounded queue and the publisher thread, commands
 * in, applied on the tick thread between ticks.
 */
record FirmwareLink(Telemetry telemetry, CommandProcessor processor, Publisher publisher, Clock clock)
        implements AutoCloseable {

    /** How long closing waits for queued telemetry to be delivered. */
    private static final long DRAIN_NANOS = 3_000_000_000L;

    /** A link to {@code url} obeying what {@code access} allows, or no link when {@code url} is null. */
    static FirmwareLink open(String url, BrokerOptions options, FirmwareConfig config, Board board,
                             CommandAccess access, PrintWriter err) throws TransportException {
        if (url == null) {
            return new FirmwareLink(null, null, null, board.clock());
        }
        Telemetry telemetry = new Telemetry(new TelemetryQueue(512, 256));
        CommandProcessor processor = new CommandProcessor(FirmwareCommands.specs(config.classifier(), access), 16);
        DeviceMeta meta = DeviceMeta.of(SpikingClassifier.spec(config.classifier()), config.profile());
        Publisher publisher = new Publisher(Topics.of(config.deviceId()), telemetry, processor, meta,
                new PahoTransport(options.settings(url, "aplysia-" + config.deviceId())));
        err.println("telemetry to " + url + " as " + Topics.of(config.deviceId()).root());
        return new FirmwareLink(telemetry, processor, publisher, board.clock());
    }

    /** Where the firmware reports. */
    FirmwareEvents events() {
        return telemetry == null ? FirmwareEvents.NONE : new FirmwareTelemetry(telemetry, clock);
    }

    /** What the runner calls between ticks. */
    Runnable commands(Firmware firmware) {
        return processor == null ? () -> { } : new FirmwareCommands(processor, firmware);
    }

    /** Starts the publisher thread, which connects (and reconnects) on its own. */
    void start() throws TransportException {
        if (publisher != null) {
            publisher.start();
        }
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
