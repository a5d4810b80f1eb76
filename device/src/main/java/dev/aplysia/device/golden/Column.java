package dev.aplysia.device.golden;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.reference.FloatNetwork;
import java.util.function.ToDoubleFunction;

/**
 * One recorded variable of a golden scenario: its raw value on the core (what the golden vector stores), the same
 * variable in real units on the float twin, the real value of one raw step, and how far the twin may stray.
 *
 * @param name       column name
 * @param unit       what a raw value means, for the vector's header
 * @param probe      where the core's raw value is read after a tick
 * @param real       the twin's real value after the same tick
 * @param realPerRaw real value of one raw unit
 * @param epsilon    largest allowed {@code |raw * realPerRaw - real|}
 */
public record Column(String name, String unit, Probe probe, ToDoubleFunction<FloatNetwork> real, double realPerRaw,
                     double epsilon) {

    /** The core's raw value after a tick. */
    long raw(Network network) {
        return probe.read(network);
    }

    /** A column read only through its probe and compared with another core, never with the float twin. */
    static Column probed(String name, Probe probe) {
        return new Column(name, "raw", probe, twin -> Double.NaN, 1, 0);
    }
}
