package dev.aplysia.hal.world;

import dev.aplysia.hal.HalException;
import dev.aplysia.hal.gpio.DigitalInput;
import dev.aplysia.hal.sim.SimDigitalInput;

/** A digital input the world drives (bump switch, encoder): each read first brings the world up to the clock. */
final class SensedDigitalInput implements DigitalInput {

    private final Runnable catchUp;
    private final SimDigitalInput channel;

    SensedDigitalInput(Runnable catchUp, SimDigitalInput channel) {
        this.catchUp = catchUp;
        this.channel = channel;
    }

    @Override
    public boolean isHigh() throws HalException {
        catchUp.run();
        return channel.isHigh();
    }

    @Override
    public int pollRisingEdges() throws HalException {
        catchUp.run();
        return channel.pollRisingEdges();
    }

    @Override
    public int pollFallingEdges() throws HalException {
        catchUp.run();
        return channel.pollFallingEdges();
    }
}
