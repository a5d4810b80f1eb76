package dev.aplysia.hal.world;

import dev.aplysia.hal.sim.SimDigitalInput;

/**
 * A wheel encoder on a digital input: high for the second half of every {@code pitch} mm the wheel turns, so one
 * rising edge per pitch. It counts wheel turns, not ground covered: a wheel spinning against a wall still ticks.
 */
final class WheelEncoder {

    private final SimDigitalInput line;
    private final double halfPitch;
    private final boolean leftWheel;
    private double travel;

    WheelEncoder(SimDigitalInput line, double pitch, boolean leftWheel) {
        this.line = line;
        this.halfPitch = pitch / 2;
        this.leftWheel = leftWheel;
    }

    /** Turns the wheel by the distance its motor drove during a step of {@code seconds}. */
    void turn(double leftSpeed, double rightSpeed, double seconds) {
        travel += Math.abs(leftWheel ? leftSpeed : rightSpeed) * seconds;
        line.drive(((long) Math.floor(travel / halfPitch) & 1) == 1);
    }
}
