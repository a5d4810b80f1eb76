package dev.aplysia.hal.sim;

import dev.aplysia.hal.ChannelKind;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.Scenario.Advance;
import dev.aplysia.hal.sim.Scenario.Expect;
import dev.aplysia.hal.sim.Scenario.SetInput;
import dev.aplysia.hal.sim.Scenario.Signal;
import dev.aplysia.hal.sim.Scenario.Step;
import dev.aplysia.hal.sim.ScenarioResult.Failure;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a {@link Scenario} against a {@link SimBoard} and the firmware behind a {@link ScenarioTarget}: inputs are
 * driven on the board, time is handed to the target, expectations are read from the board's outputs, signals go to
 * the target. Unmet expectations do not stop the run; they are collected in the {@link ScenarioResult}.
 */
public final class ScenarioRunner {

    private final SimBoard board;
    private final ScenarioTarget target;

    /** A runner driving {@code board} and {@code target}, which runs firmware on that board. */
    public ScenarioRunner(SimBoard board, ScenarioTarget target) {
        this.board = board;
        this.target = target;
    }

    /** One bound step, ready to play. */
    @FunctionalInterface
    private interface Action {
        void play(List<Failure> failures) throws HalException;
    }

    /**
     * Binds every step to the board, then plays them in order.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} naming {@code source:line} before anything is played,
     *                      when a step names a channel the board lacks, a channel of the wrong kind or a value out of
     *                      the channel's range; while playing, whatever the target throws
     */
    public ScenarioResult run(Scenario scenario) throws HalException {
        List<Action> actions = new ArrayList<>();
        int expectations = 0;
        for (Step step : scenario.steps()) {
            actions.add(bind(scenario, step));
            expectations += step instanceof Expect ? 1 : 0;
        }
        List<Failure> failures = new ArrayList<>();
        for (Action action : actions) {
            action.play(failures);
        }
        return new ScenarioResult(scenario.source(), expectations, failures);
    }

    private Action bind(Scenario scenario, Step step) throws HalException {
        if (step instanceof SetInput set) {
            return bindSet(scenario, set);
        }
        if (step instanceof Advance advance) {
            return failures -> advance(advance.nanos());
        }
        if (step instanceof Expect expect) {
            return bindExpect(scenario, expect);
        }
        Signal signal = (Signal) step;
        return failures -> target.signal(signal.name(), signal.value());
    }

    private void advance(long nanos) throws HalException {
        VirtualClock clock = board.clock();
        long end = Math.addExact(clock.nanos(), nanos);
        target.advance(nanos);
        clock.advanceTo(end);
    }

    private Action bindSet(Scenario scenario, SetInput set) throws HalException {
        String channel = set.channel();
        ChannelKind kind = kindOf(scenario, set.line(), channel);
        if (kind == ChannelKind.DIGITAL_INPUT) {
            requireWithin(scenario, set.line(), set.value(), 1, channel);
            SimDigitalInput input = board.digitalInput(channel);
            return failures -> input.drive(set.value() == 1);
        }
        if (kind == ChannelKind.ANALOG_INPUT) {
            SimAnalogInput input = board.analogInput(channel);
            requireWithin(scenario, set.line(), set.value(), input.maxValue(), channel);
            return failures -> input.drive(set.value());
        }
        throw invalid(scenario, set.line(), "'" + channel + "' is a " + kind.description()
                + "; set needs a digital or analog input");
    }

    private Action bindExpect(Scenario scenario, Expect expect) throws HalException {
        String channel = expect.channel();
        ChannelKind kind = kindOf(scenario, expect.line(), channel);
        if (kind == ChannelKind.DIGITAL_OUTPUT) {
            requireWithin(scenario, expect.line(), expect.max(), 1, channel);
            SimDigitalOutput output = board.digitalOutput(channel);
            return failures -> check(expect, output.level() ? 1 : 0, failures, scenario);
        }
        if (kind == ChannelKind.PWM_OUTPUT) {
            SimPwmOutput output = board.pwmOutput(channel);
            requireWithin(scenario, expect.line(), expect.max(), output.maxDuty(), channel);
            return failures -> check(expect, output.duty(), failures, scenario);
        }
        throw invalid(scenario, expect.line(), "'" + channel + "' is a " + kind.description()
                + "; expect needs a digital or PWM output");
    }

    private static void check(Expect expect, int actual, List<Failure> failures, Scenario scenario) {
        if (actual < expect.min() || actual > expect.max()) {
            failures.add(new Failure(scenario.source(), expect.line(), expect.channel(), expect.expected(), actual));
        }
    }

    private ChannelKind kindOf(Scenario scenario, int line, String channel) throws HalException {
        return board.kindOf(channel).orElseThrow(() -> invalid(scenario, line, "the board has no channel named '"
                + channel + "'; channels: " + board.channelNames()));
    }

    private static void requireWithin(Scenario scenario, int line, int value, int limit, String channel)
            throws HalException {
        if (value > limit) {
            throw invalid(scenario, line, "value " + value + " is outside 0.." + limit + " for '" + channel + "'");
        }
    }

    private static HalException invalid(Scenario scenario, int line, String message) {
        return new HalException(ErrorKind.INVALID_CONFIG, scenario.where(line) + " " + message);
    }
}
