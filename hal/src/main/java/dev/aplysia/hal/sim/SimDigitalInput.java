package dev.aplysia.hal.sim;

import dev.aplysia.hal.HalException;
import dev.aplysia.hal.gpio.DigitalInput;

/** A simulated digital input, driven by the test; starts low. Reads allocate nothing. */
public final class SimDigitalInput implements DigitalInput {

    private final FaultPlan faults;
    private boolean high;
    private int risingEdges;
    private int fallingEdges;

    SimDigitalInput(FaultPlan faults) {
        this.faults = faults;
    }

    /** Sets the level the firmware will read; a change of level counts as an edge. */
    public void drive(boolean level) {
        if (level == high) {
            return;
        }
        high = level;
        if (level) {
            risingEdges = saturatingIncrement(risingEdges);
        } else {
            fallingEdges = saturatingIncrement(fallingEdges);
        }
    }

    @Override
    public boolean isHigh() throws HalException {
        faults.check();
        return high;
    }

    @Override
    public int pollRisingEdges() throws HalException {
        faults.check();
        int edges = risingEdges;
        risingEdges = 0;
        return edges;
    }

    @Override
    public int pollFallingEdges() throws HalException {
        faults.check();
        int edges = fallingEdges;
        fallingEdges = 0;
        return edges;
    }

    private static int saturatingIncrement(int count) {
        return count == Integer.MAX_VALUE ? count : count + 1;
    }
}
