package dev.aplysia.host.experiment;

import dev.aplysia.device.reward.RewardConfig;
import dev.aplysia.device.telemetry.TransportException;
import dev.aplysia.hal.world.World;
import dev.aplysia.node.FirmwareLink;

/**
 * Where the device's firmware reports in a world run, per seed: through an MQTT broker, as {@code device run --broker}
 * does, or nowhere ({@link #NONE}).
 */
@FunctionalInterface
public interface DeviceLinks {

    /** No run reports. */
    DeviceLinks NONE = (seed, world, config) -> FirmwareLink.none();

    /** The link of the device run on {@code seed}, driving {@code world} with {@code config}. */
    FirmwareLink open(long seed, World world, RewardConfig config) throws TransportException;
}
