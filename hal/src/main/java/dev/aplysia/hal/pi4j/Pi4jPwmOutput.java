package dev.aplysia.hal.pi4j;

import com.pi4j.io.pwm.Pwm;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.pwm.PwmOutput;

/**
 * A Pi4J PWM output. Pi4J takes the duty as a float percentage and, on linuxfs, applies it by disabling the channel,
 * rewriting period and duty in sysfs and enabling it again; so a duty equal to the current one is not sent again, and
 * duty 0 turns the channel off. The float percentage resolves about 2^-24 of full scale, far finer than any
 * {@code maxDuty} a config would use.
 */
final class Pi4jPwmOutput implements PwmOutput {

    private final String name;
    private final Pwm pwm;
    private final int maxDuty;
    private int duty;

    Pi4jPwmOutput(String name, Pwm pwm, int maxDuty) {
        this.name = name;
        this.pwm = pwm;
        this.maxDuty = maxDuty;
    }

    @Override
    public int maxDuty() {
        return maxDuty;
    }

    @Override
    public void setDuty(int counts) throws HalException {
        if (counts < 0 || counts > maxDuty) {
            throw new HalException(ErrorKind.INVALID_ARGUMENT, "duty " + counts + " is outside 0.." + maxDuty
                    + " for PWM output '" + name + "'");
        }
        if (counts == duty) {
            return;
        }
        try {
            pwm.on(counts * 100f / maxDuty);
        } catch (RuntimeException e) {
            throw Pi4jFailures.io("cannot set duty " + counts + " on PWM output '" + name + "'", e);
        }
        duty = counts;
    }
}
