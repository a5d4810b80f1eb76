package dev.aplysia.hal.world;

import dev.aplysia.hal.HalException;
import dev.aplysia.hal.gpio.DigitalOutput;
import dev.aplysia.hal.sim.SimDigitalOutput;

/** A motor's reverse line: the world catches up before the direction changes. */
final class MotorDirectionOutput implements DigitalOutput {

    private final Runnable catchUp;
    private final SimDigitalOutput channel;

    MotorDirectionOutput(Runnable catchUp, SimDigitalOutput channel) {
        this.catchUp = catchUp;
        this.channel = channel;
    }

    @Override
    public void setHigh() throws HalException {
        catchUp.run();
        channel.setHigh();
    }

    @Override
    public void setLow() throws HalException {
        catchUp.run();
        channel.setLow();
    }

    @Override
    public boolean isSetHigh() throws HalException {
        return channel.isSetHigh();
    }
}
