package dev.aplysia.host.experiment;

import dev.aplysia.device.firmware.Firmware;
import dev.aplysia.device.firmware.FirmwareRunner;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.reward.RewardConfig;
import dev.aplysia.device.reward.RewardWiring;
import dev.aplysia.device.telemetry.TransportException;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.world.World;
import dev.aplysia.node.FirmwareLink;
import java.util.Optional;

/**
 * The device in the world: the reward robot's firmware ({@link RewardWiring#firmware}) on a {@link World} board, run by
 * a {@link FirmwareRunner}, so each tick's estimated MCU time on the profile is spent on the world's clock as on the
 * board. Its state is the network's budget; its operations per decision are the core's counted operations (synaptic
 * events, neuron updates, synapse updates) over the run, per decision period.
 */
final class DeviceOnWorld implements WorldPolicy {

    private final World world;
    private final Firmware firmware;
    private final FirmwareRunner runner;
    private final FirmwareLink link;

    DeviceOnWorld(World world, BoardConfig board, McuProfile profile, long seed) throws HalException {
        this(world, board, profile, seed, DeviceLinks.NONE);
    }

    /** The device on {@code seed}, reporting where {@code links} says (its telemetry and health between ticks). */
    DeviceOnWorld(World world, BoardConfig board, McuProfile profile, long seed, DeviceLinks links)
            throws HalException {
        this.world = world;
        RewardConfig config = RewardWiring.config(board, profile, "world-" + seed, seed);
        this.link = open(links, seed, world, config);
        this.firmware = RewardWiring.firmware(config, world, link.events());
        this.runner = new FirmwareRunner(firmware, link.betweenTicks(firmware));
        start(link, seed);
    }

    @Override
    public String name() {
        return "device";
    }

    @Override
    public World world() {
        return world;
    }

    @Override
    public void driveFor(long nanos) {
        runner.runFor(nanos);
    }

    @Override
    public long stateBytes() {
        return firmware.network().budget().totalBytes();
    }

    @Override
    public double operationsPerDecision() {
        long ticks = Math.max(1, firmware.network().counters().ticks());
        return firmware.network().counters().total() * (double) RewardWiring.TICKS_PER_DECISION / ticks;
    }

    @Override
    public Optional<TickLoad> tickLoad() {
        return Optional.of(TickLoad.of(firmware.counters().utilisation()));
    }

    private static FirmwareLink open(DeviceLinks links, long seed, World world, RewardConfig config)
            throws HalException {
        try {
            return links.open(seed, world, config);
        } catch (TransportException e) {
            throw linkFailed(seed, e);
        }
    }

    private static void start(FirmwareLink link, long seed) throws HalException {
        try {
            link.start();
        } catch (TransportException e) {
            throw linkFailed(seed, e);
        }
    }

    private static HalException linkFailed(long seed, TransportException e) {
        return new HalException(ErrorKind.IO, "the device's telemetry link for seed " + seed + ": " + e.getMessage(),
                e);
    }

    @Override
    public void close() {
        link.close();
    }

    /** Decision periods in which the firmware sensed its bump switch closed (its significant learning events). */
    long significant() {
        return firmware.counters().significant();
    }
}
