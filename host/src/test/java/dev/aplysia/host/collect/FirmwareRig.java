package dev.aplysia.host.collect;

import dev.aplysia.device.command.CommandProcessor;
import dev.aplysia.device.command.RateLimit;
import dev.aplysia.device.firmware.CommandAccess;
import dev.aplysia.device.firmware.Firmware;
import dev.aplysia.device.firmware.FirmwareCommands;
import dev.aplysia.device.firmware.FirmwareConfig;
import dev.aplysia.device.firmware.FirmwareEntities;
import dev.aplysia.device.firmware.FirmwareEvents;
import dev.aplysia.device.firmware.FirmwareHealth;
import dev.aplysia.device.firmware.FirmwareRunner;
import dev.aplysia.device.firmware.FirmwareTelemetry;
import dev.aplysia.device.firmware.RobotWiring;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.telemetry.DeviceMeta;
import dev.aplysia.device.telemetry.Publisher;
import dev.aplysia.device.telemetry.Telemetry;
import dev.aplysia.device.telemetry.TelemetryQueue;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.homeassistant.HomeAssistantDiscovery;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.sim.SimBoard;
import dev.aplysia.hal.sim.VirtualClock;
import dev.aplysia.hal.time.SystemClock;
import java.nio.file.Path;

/**
 * The robot firmware wired to a broker as {@code device run --broker} wires it (telemetry, health, commands, Home
 * Assistant discovery under {@value HomeAssistantDiscovery#DEFAULT_PREFIX}), on the simulated board in real time, its
 * tick loop on a thread of its own.
 */
final class FirmwareRig implements AutoCloseable {

    final Topics topics;
    final Firmware firmware;
    private final Publisher publisher;
    private final FirmwareRunner runner;
    private final Thread loop;

    FirmwareRig(String deviceId, String url) throws Exception {
        BoardConfig wiring = BoardConfig.load(Path.of("..", "examples", "robot.board"));
        SimBoard board = SimBoard.builder().channels(wiring)
                .clock(VirtualClock.paced(SystemClock.INSTANCE, SystemClock.INSTANCE, 100)).build();
        FirmwareConfig config = RobotWiring.config(wiring, McuProfile.RP2040, deviceId, 1);
        topics = Topics.of(deviceId);
        Telemetry telemetry = new Telemetry(new TelemetryQueue(512, 512), board.clock(), board.wallClock());
        FirmwareHealth health = new FirmwareHealth(telemetry);
        CommandProcessor processor = new CommandProcessor(FirmwareCommands.specs(config.classifier(),
                new CommandAccess(CommandAccess.DEFAULT, new RateLimit(20, board.clock()))), 16);
        DeviceMeta meta = DeviceMeta.of(SpikingClassifier.spec(config.classifier()), config.profile());
        publisher = new Publisher(topics, telemetry, processor, meta,
                new PahoTransport(DeviceRig.patientSettings(url, "device-" + deviceId)));
        publisher.announceAlso(new HomeAssistantDiscovery(HomeAssistantDiscovery.DEFAULT_PREFIX, topics, meta,
                FirmwareEntities.of(topics)));
        firmware = new Firmware(config, board, FirmwareEvents.both(new FirmwareTelemetry(telemetry), health));
        FirmwareCommands commands = new FirmwareCommands(processor, firmware);
        runner = new FirmwareRunner(firmware, () -> {
            commands.run();
            health.report(firmware);
        });
        loop = new Thread(runner::runUntilStopped, "firmware-" + deviceId);
        loop.setDaemon(true);
        loop.start();
        publisher.start();
    }

    @Override
    public void close() throws InterruptedException {
        runner.stop();
        loop.join();
        publisher.close();
    }
}
