package dev.aplysia.hal.sim;

import dev.aplysia.hal.gpio.DigitalInput;
import dev.aplysia.hal.gpio.DigitalInputContract;

class SimDigitalInputTest extends DigitalInputContract {

    private SimDigitalInput input;

    @Override
    protected DigitalInput createInput() throws Exception {
        input = SimBoard.builder().digitalInput("button").build().digitalInput("button");
        return input;
    }

    @Override
    protected void drive(boolean high) {
        input.drive(high);
    }
}
