package dev.aplysia.hal.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.pi4j.plugin.mock.provider.pwm.MockPwm;
import dev.aplysia.hal.pwm.PwmOutput;
import dev.aplysia.hal.pwm.PwmOutputContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Pi4jPwmOutputTest extends PwmOutputContract {

    private MockPi4j pi;
    private PwmOutput pwm;

    @Override
    protected PwmOutput createPwm() throws Exception {
        pi = new MockPi4j();
        pwm = pi.board.pwmOutput("motor");
        return pwm;
    }

    /** The mock keeps Pi4J's float percentage; duty 0 turns the channel off. */
    @Override
    protected int observedDuty() {
        MockPwm mock = pi.mock("motor", MockPwm.class);
        return mock.isOn() ? Math.round(mock.getDutyCycle() * pwm.maxDuty() / 100f) : 0;
    }

    @AfterEach
    void closeBoard() throws Exception {
        pi.close();
    }

    @Test
    void opensAtTheConfiguredFrequencyTurnedOff() {
        MockPwm mock = pi.mock("motor", MockPwm.class);
        assertEquals(1000, mock.getFrequency());
        assertEquals(2, mock.address());
        assertFalse(mock.isOn());
    }
}
