package dev.aplysia.device.golden;

import dev.aplysia.device.core.Kernels;
import dev.aplysia.device.core.Network;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.plasticity.RuleEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's stimulus as data: every call it makes on its {@link Drive}, in order, with the tick it precedes and
 * raw values converted as the core converts them, recorded while the scenario runs on the core. A port that replays
 * the actions before each tick drives its network exactly as the Java lambda drove the core.
 *
 * @param actions the calls, in the order they were made
 */
public record RecordedStimulus(List<Action> actions) {

    /** What a drive call does. */
    public enum Kind {
        /** Empties the spikes of an input population. */
        CLEAR_SPIKES,
        /** Makes one neuron of an input population spike in the coming tick. */
        SPIKE,
        /** Sets a raw current injected into one neuron. */
        INJECT,
        /** Sets the raw neuromodulator. */
        MODULATOR,
        /** Clears activity. */
        RESET_ACTIVITY
    }

    /**
     * One recorded call.
     *
     * @param tick       the tick it precedes (from 1)
     * @param kind       what it does
     * @param population the population it acts on (empty for the network)
     * @param neuron     the neuron (0 where none)
     * @param raw        the raw value (0 where none)
     */
    public record Action(int tick, Kind kind, String population, int neuron, int raw) {
    }

    public RecordedStimulus {
        actions = List.copyOf(actions);
    }

    /** Runs {@code scenario} on the reference core and records every call of its stimulus. */
    public static RecordedStimulus of(GoldenScenario scenario) {
        Network network = Network.build(scenario.spec(), McuProfile.RP2040, Kernels.REFERENCE);
        Drive core = Drive.of(network);
        List<Action> actions = new ArrayList<>();
        int[] tick = new int[1];
        Drive recording = new Drive() {
            @Override
            public void spikes(String population, int... neurons) {
                core.spikes(population, neurons);
                actions.add(new Action(tick[0], Kind.CLEAR_SPIKES, population, 0, 0));
                for (int i : neurons) {
                    actions.add(new Action(tick[0], Kind.SPIKE, population, i, 0));
                }
            }

            @Override
            public void inject(String population, int i, double current) {
                core.inject(population, i, current);
                int raw = (int) network.population(population).membraneFormat().toRaw(current);
                actions.add(new Action(tick[0], Kind.INJECT, population, i, raw));
            }

            @Override
            public void modulator(double value) {
                core.modulator(value);
                actions.add(new Action(tick[0], Kind.MODULATOR, "", 0, (int) RuleEngine.MODULATOR.toRaw(value)));
            }

            @Override
            public void resetActivity() {
                core.resetActivity();
                actions.add(new Action(tick[0], Kind.RESET_ACTIVITY, "", 0, 0));
            }
        };
        for (int t = 1; t <= scenario.ticks(); t++) {
            tick[0] = t;
            scenario.stimulus().before(t, recording);
            network.step();
        }
        return new RecordedStimulus(actions);
    }
}
