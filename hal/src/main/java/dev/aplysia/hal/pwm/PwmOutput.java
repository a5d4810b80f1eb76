package dev.aplysia.hal.pwm;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;

/**
 * A PWM output. The duty cycle is in counts from 0 (always low) to {@link #maxDuty()} (always high); the frequency is
 * fixed by configuration.
 */
public interface PwmOutput {

    /** The duty count meaning "always high"; at least 1. */
    int maxDuty();

    /**
     * Sets the duty cycle.
     *
     * @param counts 0..{@link #maxDuty()}
     * @throws HalException {@link ErrorKind#INVALID_ARGUMENT} when {@code counts} is out of range; the duty is unchanged
     */
    void setDuty(int counts) throws HalException;

    /** Sets the duty cycle to 0: always low. */
    default void setDutyFullyOff() throws HalException {
        setDuty(0);
    }

    /** Sets the duty cycle to {@link #maxDuty()}: always high. */
    default void setDutyFullyOn() throws HalException {
        setDuty(maxDuty());
    }

    /**
     * Sets the duty cycle to {@code numerator / denominator} of {@link #maxDuty()}, rounded down.
     *
     * @throws HalException {@link ErrorKind#INVALID_ARGUMENT} unless {@code 0 <= numerator <= denominator} and
     *                      {@code denominator > 0}
     */
    default void setDutyFraction(int numerator, int denominator) throws HalException {
        if (denominator <= 0 || numerator < 0 || numerator > denominator) {
            throw new HalException(ErrorKind.INVALID_ARGUMENT,
                    "duty fraction " + numerator + "/" + denominator + " is not within 0..1");
        }
        setDuty((int) ((long) numerator * maxDuty() / denominator));
    }

    /**
     * Sets the duty cycle to {@code percent} % of {@link #maxDuty()}, rounded down.
     *
     * @param percent 0..100
     * @throws HalException {@link ErrorKind#INVALID_ARGUMENT} when {@code percent} is out of range
     */
    default void setDutyPercent(int percent) throws HalException {
        setDutyFraction(percent, 100);
    }
}
