package dev.aplysia.hal.time;

/**
 * Wall-clock time: milliseconds since 1970-01-01T00:00:00Z (Unix epoch ms), as a person's tools read it. It may jump
 * either way (NTP, someone setting the date), so it stamps reports and never measures a duration or paces a tick: that
 * is the {@link Clock}. Reading never fails and allocates nothing.
 */
@FunctionalInterface
public interface WallClock {

    /** Milliseconds since the Unix epoch, UTC. */
    long epochMillis();
}
