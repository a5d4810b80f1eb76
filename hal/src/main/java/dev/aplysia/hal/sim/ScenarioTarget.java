package dev.aplysia.hal.sim;

import dev.aplysia.hal.HalException;

/** What a {@link ScenarioRunner} drives besides the board: the firmware under test. */
public interface ScenarioTarget {

    /**
     * Runs the firmware for {@code nanos} of virtual time, usually tick by tick, pacing with the board's
     * {@link SimBoard#pacer()} so that the virtual clock moves. If the target leaves the clock short of the end of the
     * step, the runner moves it there; if it overshoots, the clock stays where the target left it.
     */
    void advance(long nanos) throws HalException;

    /** Hands the firmware a named value, as written in the scenario: an integer or a decimal. */
    void signal(String name, String value) throws HalException;
}
