package dev.aplysia.hal.world;

import dev.aplysia.hal.sim.SimDigitalOutput;
import dev.aplysia.hal.sim.SimPwmOutput;

/** One wheel's motor: ground speed {@code duty / maxDuty * maxSpeed} mm/s, negated while the reverse line is high. */
final class DriveMotor {

    private final SimPwmOutput pwm;
    private final SimDigitalOutput reverse;
    private final double maxSpeed;

    /** A motor on {@code pwm}; {@code reverse} is null for a wheel that only drives forward. */
    DriveMotor(SimPwmOutput pwm, SimDigitalOutput reverse, double maxSpeed) {
        this.pwm = pwm;
        this.reverse = reverse;
        this.maxSpeed = maxSpeed;
    }

    /** The wheel's ground speed now, mm/s. */
    double speed() {
        double forward = maxSpeed * pwm.duty() / pwm.maxDuty();
        return reverse != null && reverse.level() ? -forward : forward;
    }
}
