package dev.aplysia.hal.pi4j;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import dev.aplysia.hal.gpio.DigitalInput;
import dev.aplysia.hal.gpio.DigitalInputContract;
import org.junit.jupiter.api.AfterEach;

class Pi4jDigitalInputTest extends DigitalInputContract {

    private MockPi4j pi;

    @Override
    protected DigitalInput createInput() throws Exception {
        pi = new MockPi4j();
        return pi.board.digitalInput("button");
    }

    @Override
    protected void drive(boolean high) {
        pi.mock("button", MockDigitalInput.class).mockState(DigitalState.getState(high));
    }

    @AfterEach
    void closeBoard() throws Exception {
        pi.close();
    }
}
