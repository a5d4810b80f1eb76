package dev.aplysia.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.hal.pwm.PwmOutput;
import dev.aplysia.hal.pwm.PwmOutputContract;
import org.junit.jupiter.api.Test;

class SimPwmOutputTest extends PwmOutputContract {

    private SimPwmOutput pwm;

    @Override
    protected PwmOutput createPwm() throws Exception {
        pwm = SimBoard.builder().pwmOutput("motor", 1000).build().pwmOutput("motor");
        return pwm;
    }

    @Override
    protected int observedDuty() {
        return pwm.duty();
    }

    @Test
    void historyKeepsOnlyChanges() throws Exception {
        SimPwmOutput motor = SimBoard.builder().pwmOutput("motor", 100).build().pwmOutput("motor");
        motor.setDuty(40);
        motor.setDuty(40);
        motor.setDuty(0);
        assertEquals(2, motor.history().size());
        assertEquals(40, motor.history().value(0));
        assertEquals(0, motor.history().value(1));
    }
}
