package dev.aplysia.hal.pi4j;

import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import dev.aplysia.hal.gpio.DigitalOutput;
import dev.aplysia.hal.gpio.DigitalOutputContract;
import org.junit.jupiter.api.AfterEach;

class Pi4jDigitalOutputTest extends DigitalOutputContract {

    private MockPi4j pi;

    @Override
    protected DigitalOutput createOutput() throws Exception {
        pi = new MockPi4j();
        return pi.board.digitalOutput("led");
    }

    @Override
    protected boolean observedHigh() {
        return pi.mock("led", MockDigitalOutput.class).state().isHigh();
    }

    @AfterEach
    void closeBoard() throws Exception {
        pi.close();
    }
}
