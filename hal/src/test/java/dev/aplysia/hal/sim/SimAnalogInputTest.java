package dev.aplysia.hal.sim;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.analog.AnalogInputContract;
import org.junit.jupiter.api.Test;

class SimAnalogInputTest extends AnalogInputContract {

    private SimAnalogInput input;

    @Override
    protected AnalogInput createInput() throws Exception {
        input = SimBoard.builder().analogInput("sonar0", 1023).build().analogInput("sonar0");
        return input;
    }

    @Override
    protected void drive(int counts) {
        input.drive(counts);
    }

    @Test
    void drivingBeyondFullScaleIsATestBug() throws Exception {
        SimAnalogInput sonar = SimBoard.builder().analogInput("sonar0", 1023).build().analogInput("sonar0");
        assertThrows(IllegalArgumentException.class, () -> sonar.drive(1024));
    }
}
