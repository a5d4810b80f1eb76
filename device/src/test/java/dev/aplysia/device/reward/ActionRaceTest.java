package dev.aplysia.device.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.device.core.Spikes;
import org.junit.jupiter.api.Test;

/** The decision window's readout: most spikes, ties to the first spike, silence to the fallback. */
class ActionRaceTest {

    private static final int FORWARD = RewardWiring.FORWARD;
    private static final int LEFT = RewardWiring.TURN_LEFT;
    private static final int RIGHT = RewardWiring.TURN_RIGHT;

    private static void tick(ActionRace race, int... fired) {
        Spikes spikes = new Spikes(3);
        for (int a : fired) {
            spikes.set(a);
        }
        race.observe(spikes);
    }

    @Test
    void aTieGoesToTheActionThatFiredFirstNotToTheFallback() {
        ActionRace race = new ActionRace(3);
        tick(race);
        tick(race, LEFT);
        tick(race, FORWARD);
        tick(race, LEFT);
        tick(race, FORWARD);

        assertEquals(LEFT, race.winner(FORWARD));
    }

    @Test
    void moreSpikesBeatAnEarlierFirstSpike() {
        ActionRace race = new ActionRace(3);
        tick(race, RIGHT);
        tick(race, FORWARD);
        tick(race, FORWARD);

        assertEquals(FORWARD, race.winner(RIGHT));
    }

    @Test
    void aSilentWindowKeepsTheFallbackAndANewWindowForgetsTheLast() {
        ActionRace race = new ActionRace(3);
        tick(race, RIGHT);
        race.start();
        tick(race);
        tick(race);

        assertEquals(LEFT, race.winner(LEFT));
        assertEquals(0, race.count(RIGHT));
    }
}
