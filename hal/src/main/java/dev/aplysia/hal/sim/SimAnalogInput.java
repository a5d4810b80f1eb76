package dev.aplysia.hal.sim;

import dev.aplysia.hal.HalException;
import dev.aplysia.hal.analog.AnalogInput;

/** A simulated analog input, driven by the test; starts at 0. Reads allocate nothing. */
public final class SimAnalogInput implements AnalogInput {

    private final String name;
    private final int maxValue;
    private final FaultPlan faults;
    private int counts;

    SimAnalogInput(String name, int maxValue, FaultPlan faults) {
        this.name = name;
        this.maxValue = maxValue;
        this.faults = faults;
    }

    /**
     * Sets the counts the firmware will read.
     *
     * @throws IllegalArgumentException unless {@code 0 <= counts <= maxValue()}
     */
    public void drive(int counts) {
        if (counts < 0 || counts > maxValue) {
            throw new IllegalArgumentException("analog input '" + name + "' reads 0.." + maxValue + ", not "
                    + counts);
        }
        this.counts = counts;
    }

    @Override
    public int read() throws HalException {
        faults.check();
        return counts;
    }

    @Override
    public int maxValue() {
        return maxValue;
    }
}
