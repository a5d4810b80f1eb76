package dev.aplysia.host.fleet;

import dev.aplysia.device.firmware.Firmware;
import dev.aplysia.device.firmware.FirmwareConfig;
import dev.aplysia.device.firmware.FirmwareRunner;
import dev.aplysia.device.firmware.RobotWiring;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.telemetry.DeviceMeta;
import dev.aplysia.device.telemetry.Publisher;
import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.TransportException;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.Scenario;
import dev.aplysia.hal.sim.ScenarioRunner;
import dev.aplysia.hal.sim.ScenarioTarget;
import dev.aplysia.hal.sim.SimBoard;
import dev.aplysia.hal.storage.MemoryStorage;
import dev.aplysia.node.FirmwareLink;
import dev.aplysia.node.RunCommand;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One device of a fleet: the learning robot's firmware on a simulated board of its own (unpaced: the fleet moves its
 * time), its own MQTT link (publisher thread, client with a per-run client id, the device-id claim of
 * {@code docs/protocol.md}), and its scenario. Telemetry only: a fleet device takes no commands and announces nothing
 * to Home Assistant. {@link #advance} runs on the fleet's tick thread; the counters may be read from any thread.
 */
final class FleetDevice implements AutoCloseable {

    /** How long the publisher idles between frames; a queued frame wakes it at once. */
    private static final long PUBLISHER_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final String id;
    private final SimBoard board;
    private final Firmware firmware;
    private final FirmwareLink link;
    private final FirmwareRunner runner;
    private final ScenarioRunner steps;
    private final ScenarioLoop scenario;
    private volatile long errors;
    private volatile String lastError;

    FleetDevice(FleetSpec spec, int index, BoardConfig wiring, Scenario scenario, String url, Transport transport,
                PrintWriter err) throws HalException {
        this.id = spec.deviceId(index);
        this.board = SimBoard.builder().channels(wiring).storage(new MemoryStorage()).build();
        FirmwareConfig config = RobotWiring.config(wiring, McuProfile.PI_NATIVE, id, spec.classifier(index),
                spec.tickNanos(), spec.ticksPerSample(), 0);
        this.link = FirmwareLink.open(url, transport, null, id, List.of(),
                DeviceMeta.of(SpikingClassifier.spec(config.classifier()), config.profile()), board, err);
        this.firmware = new Firmware(config, board, link.events());
        this.runner = new FirmwareRunner(firmware, link.betweenTicks(firmware));
        this.steps = new ScenarioRunner(board, new ScenarioTarget() {
            @Override
            public void advance(long nanos) {
                runner.runFor(nanos);
            }

            @Override
            public void signal(String name, String value) throws HalException {
                RunCommand.applySignal(firmware, name, value);
            }
        });
        this.scenario = ScenarioLoop.of(scenario);
        link.publisher().idleFor(PUBLISHER_IDLE_NANOS);
    }

    /**
     * Boots a new network, runs the first {@code phaseNanos} of its scenario at once (so that the devices of a fleet
     * do not all reach their sample ends together) and starts the link, which connects and claims the device id on
     * its own thread.
     */
    void start(long phaseNanos) throws HalException, TransportException {
        firmware.bootAsNewNetwork();
        advance(phaseNanos);
        link.start();
    }

    /**
     * Runs the next {@code nanos} of board time: the scenario's steps at their times, the firmware's ticks between.
     * A failure is counted, never thrown: one device's trouble does not stop the tick thread's other devices.
     */
    void advance(long nanos) {
        try {
            scenario.play(nanos, steps, runner::runFor);
        } catch (HalException | RuntimeException e) {
            errors++;
            lastError = id + ": " + e;
        }
    }

    String id() {
        return id;
    }

    Publisher publisher() {
        return link.publisher();
    }

    /** Frames its telemetry queued, since boot. */
    long offered() {
        return link.telemetry().queue().offered();
    }

    /** Frames its full queue dropped, since boot. */
    long dropped() {
        return link.telemetry().queue().dropped();
    }

    /** Frames waiting in its queue. */
    int queued() {
        return link.telemetry().queue().size();
    }

    long errors() {
        return errors;
    }

    String lastError() {
        return lastError;
    }

    ScenarioLoop scenario() {
        return scenario;
    }

    long learned() {
        return firmware.counters().learned();
    }

    /** Gives the publisher a few seconds to deliver what is queued, then disconnects (publishing offline). */
    @Override
    public void close() {
        link.close();
    }
}
