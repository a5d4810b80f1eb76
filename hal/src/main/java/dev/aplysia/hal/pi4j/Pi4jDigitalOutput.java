package dev.aplysia.hal.pi4j;

import com.pi4j.io.gpio.digital.DigitalState;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.gpio.DigitalOutput;

/** A Pi4J digital output; its remembered level is Pi4J's record of the last state set. */
final class Pi4jDigitalOutput implements DigitalOutput {

    private final String name;
    private final com.pi4j.io.gpio.digital.DigitalOutput output;

    Pi4jDigitalOutput(String name, com.pi4j.io.gpio.digital.DigitalOutput output) {
        this.name = name;
        this.output = output;
    }

    @Override
    public void setHigh() throws HalException {
        drive(DigitalState.HIGH);
    }

    @Override
    public void setLow() throws HalException {
        drive(DigitalState.LOW);
    }

    @Override
    public boolean isSetHigh() throws HalException {
        try {
            return output.state().isHigh();
        } catch (RuntimeException e) {
            throw Pi4jFailures.io("cannot read back digital output '" + name + "'", e);
        }
    }

    private void drive(DigitalState state) throws HalException {
        try {
            output.state(state);
        } catch (RuntimeException e) {
            throw Pi4jFailures.io("cannot set digital output '" + name + "' " + state, e);
        }
    }
}
