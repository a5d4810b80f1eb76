package dev.aplysia.hal.world;

import dev.aplysia.hal.HalException;
import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.sim.SimAnalogInput;
import java.util.function.IntSupplier;

/**
 * An analog input the world feeds: each read brings the world up to the clock, drives the simulated channel with the
 * sensor's counts and reads it back, so that the channel's injected faults still apply.
 */
final class SensedAnalogInput implements AnalogInput {

    private final Runnable catchUp;
    private final SimAnalogInput channel;
    private final IntSupplier sensor;

    SensedAnalogInput(Runnable catchUp, SimAnalogInput channel, IntSupplier sensor) {
        this.catchUp = catchUp;
        this.channel = channel;
        this.sensor = sensor;
    }

    @Override
    public int read() throws HalException {
        catchUp.run();
        channel.drive(sensor.getAsInt());
        return channel.read();
    }

    @Override
    public int maxValue() {
        return channel.maxValue();
    }
}
