package dev.aplysia.hal.sim;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.pwm.PwmOutput;

/** A simulated PWM output that keeps its duty and the history of its changes; starts at duty 0. */
public final class SimPwmOutput implements PwmOutput {

    private final String name;
    private final int maxDuty;
    private final FaultPlan faults;
    private final SimTimeline timeline;
    private final OutputHistory history = new OutputHistory();
    private int duty;

    SimPwmOutput(String name, int maxDuty, FaultPlan faults, SimTimeline timeline) {
        this.name = name;
        this.maxDuty = maxDuty;
        this.faults = faults;
        this.timeline = timeline;
    }

    /** The duty now, in counts, as the test sees it: never fails. */
    public int duty() {
        return duty;
    }

    /** The changes so far, with values in duty counts. */
    public OutputHistory history() {
        return history;
    }

    @Override
    public int maxDuty() {
        return maxDuty;
    }

    @Override
    public void setDuty(int counts) throws HalException {
        faults.check();
        if (counts < 0 || counts > maxDuty) {
            throw new HalException(ErrorKind.INVALID_ARGUMENT, "duty " + counts + " is outside 0.." + maxDuty
                    + " for PWM output '" + name + "'");
        }
        if (counts != duty) {
            duty = counts;
            history.record(timeline.tick, timeline.clock.nanos(), counts);
        }
    }
}
