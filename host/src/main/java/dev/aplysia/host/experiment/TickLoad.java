package dev.aplysia.host.experiment;

import dev.aplysia.device.firmware.TickUtilisation;

/**
 * How much of its MCU the device's firmware used over a run, on the profile whose tick costs it was charged: each
 * tick's estimated time as a share of its period.
 *
 * @param mean         the mean tick's share
 * @param peak         the busiest tick's share
 * @param overrunShare the share of ticks whose estimate exceeded their period
 */
public record TickLoad(double mean, double peak, double overrunShare) {

    /** The load {@code utilisation} recorded. */
    static TickLoad of(TickUtilisation utilisation) {
        return new TickLoad(utilisation.mean(), utilisation.peak(),
                utilisation.overruns() / (double) Math.max(1, utilisation.ticks()));
    }
}
