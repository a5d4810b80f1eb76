package dev.aplysia.hal.world;

import dev.aplysia.hal.HalException;
import dev.aplysia.hal.pwm.PwmOutput;
import dev.aplysia.hal.sim.SimPwmOutput;

/** A motor's PWM output: the world catches up before the duty changes, so the old duty drives the time gone by. */
final class MotorPwmOutput implements PwmOutput {

    private final Runnable catchUp;
    private final SimPwmOutput channel;

    MotorPwmOutput(Runnable catchUp, SimPwmOutput channel) {
        this.catchUp = catchUp;
        this.channel = channel;
    }

    @Override
    public int maxDuty() {
        return channel.maxDuty();
    }

    @Override
    public void setDuty(int counts) throws HalException {
        catchUp.run();
        channel.setDuty(counts);
    }
}
