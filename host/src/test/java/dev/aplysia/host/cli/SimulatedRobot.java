package dev.aplysia.host.cli;

import dev.aplysia.device.command.RateLimit;
import dev.aplysia.device.firmware.CommandAccess;
import dev.aplysia.device.firmware.Firmware;
import dev.aplysia.device.firmware.FirmwareCommands;
import dev.aplysia.device.firmware.FirmwareConfig;
import dev.aplysia.device.firmware.FirmwareRunner;
import dev.aplysia.device.firmware.RobotWiring;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.telemetry.DeviceMeta;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.sim.SimBoard;
import dev.aplysia.hal.sim.VirtualClock;
import dev.aplysia.hal.time.SystemClock;
import dev.aplysia.node.BrokerOptions;
import dev.aplysia.node.FirmwareLink;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * The robot firmware as {@code device run --broker} runs it (its {@link FirmwareLink}, the default command groups) on
 * the simulated board in real time, its tick loop on a thread of its own, with the board in reach of the test.
 * A robot may be taught: its demonstrator holds one teaching button down from the start, so that every sample is
 * learned (set before the tick thread starts, so that thread sees it).
 */
final class SimulatedRobot implements AutoCloseable {

    final SimBoard board;
    final Firmware firmware;
    private final FirmwareLink link;
    private final FirmwareRunner runner;
    private final Thread loop;

    /**
     * A robot on the broker at {@code url}.
     *
     * @param teachingButton the teaching input held down throughout ({@code teach-forward}), or null for none
     */
    SimulatedRobot(String deviceId, String url, String teachingButton) throws Exception {
        BoardConfig wiring = BoardConfig.load(Path.of("..", "examples", "robot.board"));
        board = SimBoard.builder().channels(wiring)
                .clock(VirtualClock.paced(SystemClock.INSTANCE, SystemClock.INSTANCE, 100)).build();
        FirmwareConfig config = RobotWiring.config(wiring, McuProfile.RP2040, deviceId, 1);
        CommandAccess access = new CommandAccess(CommandAccess.DEFAULT, new RateLimit(20, board.clock()));
        link = FirmwareLink.open(url, new BrokerOptions(), null, deviceId,
                FirmwareCommands.specs(config.classifier(), access),
                DeviceMeta.of(SpikingClassifier.spec(config.classifier()), config.profile()), board,
                new PrintWriter(new StringWriter(), true));
        firmware = new Firmware(config, board, link.events());
        firmware.boot();
        if (teachingButton != null) {
            board.digitalInput(teachingButton).drive(true);
        }
        runner = new FirmwareRunner(firmware, link.betweenTicks(firmware));
        link.start();
        loop = new Thread(runner::runUntilStopped, "firmware-" + deviceId);
        loop.setDaemon(true);
        loop.start();
    }

    /** Stops the tick loop and waits for it: afterwards the board and the firmware may be read from this thread. */
    void stopTicking() throws InterruptedException {
        runner.stop();
        loop.join();
    }

    @Override
    public void close() throws InterruptedException {
        stopTicking();
        link.close();
    }
}
