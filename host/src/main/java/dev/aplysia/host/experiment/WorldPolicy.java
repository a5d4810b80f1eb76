package dev.aplysia.host.experiment;

import dev.aplysia.hal.HalException;
import dev.aplysia.hal.world.World;
import java.util.Optional;

/** One policy driving the robot of a {@link World}: the device's firmware or a host agent behind the same channels. */
interface WorldPolicy extends AutoCloseable {

    /** Short name, as in reports: {@code device}, {@code backprop}, {@code random}, {@code braitenberg}. */
    String name();

    /** The world this policy drives. */
    World world();

    /** Drives for {@code nanos} of the world's virtual time (whole decision periods). */
    void driveFor(long nanos) throws HalException;

    /** Bytes of state a board would hold for this policy. */
    long stateBytes();

    /** Arithmetic operations of one decision period, as each policy counts them (documented where it runs). */
    double operationsPerDecision();

    /** The firmware's tick load on its MCU profile, for a policy that runs as firmware; empty for a host agent. */
    default Optional<TickLoad> tickLoad() {
        return Optional.empty();
    }

    /** Ends the run: a device's link delivers what it queued and disconnects; agents have nothing to close. */
    @Override
    default void close() {
    }
}
