package dev.aplysia.device.golden;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.Spikes;
import dev.aplysia.device.reference.FloatNetwork;

/** What a scenario may do to a network before a tick; implemented alike for the core and for its float twin. */
public interface Drive {

    /** Makes exactly {@code neurons} of input {@code population} spike in the coming tick. */
    void spikes(String population, int... neurons);

    /** Injects a constant current (real membrane units) into neuron {@code i} of {@code population}. */
    void inject(String population, int i, double current);

    /** Sets the neuromodulator, real units. */
    void modulator(double value);

    /** Clears activity between presentations. */
    void resetActivity();

    private static void write(Spikes spikes, int[] neurons) {
        spikes.clear();
        for (int i : neurons) {
            spikes.set(i);
        }
    }

    static Drive of(Network network) {
        return new Drive() {
            @Override
            public void spikes(String population, int... neurons) {
                write(network.population(population).spikes(), neurons);
            }

            @Override
            public void inject(String population, int i, double current) {
                network.population(population).inject(i, current);
            }

            @Override
            public void modulator(double value) {
                network.setModulator(value);
            }

            @Override
            public void resetActivity() {
                network.resetActivity();
            }
        };
    }

    static Drive of(FloatNetwork twin) {
        return new Drive() {
            @Override
            public void spikes(String population, int... neurons) {
                write(twin.population(population).spikes(), neurons);
            }

            @Override
            public void inject(String population, int i, double current) {
                twin.population(population).inject(i, current);
            }

            @Override
            public void modulator(double value) {
                twin.setModulator(value);
            }

            @Override
            public void resetActivity() {
                twin.resetActivity();
            }
        };
    }
}
