package dev.aplysia.hal.sim;

import dev.aplysia.hal.HalException;
import dev.aplysia.hal.gpio.DigitalOutput;

/** A simulated digital output that keeps its level and the history of its changes. */
public final class SimDigitalOutput implements DigitalOutput {

    private final FaultPlan faults;
    private final SimTimeline timeline;
    private final OutputHistory history = new OutputHistory();
    private boolean high;

    SimDigitalOutput(boolean initialHigh, FaultPlan faults, SimTimeline timeline) {
        this.high = initialHigh;
        this.faults = faults;
        this.timeline = timeline;
    }

    /** The level now, as the test sees it: never fails. */
    public boolean level() {
        return high;
    }

    /** The changes so far, with values 0 and 1. */
    public OutputHistory history() {
        return history;
    }

    @Override
    public void setHigh() throws HalException {
        faults.check();
        apply(true);
    }

    @Override
    public void setLow() throws HalException {
        faults.check();
        apply(false);
    }

    @Override
    public boolean isSetHigh() throws HalException {
        faults.check();
        return high;
    }

    private void apply(boolean level) {
        if (level != high) {
            high = level;
            history.record(timeline.tick, timeline.clock.nanos(), level ? 1 : 0);
        }
    }
}
