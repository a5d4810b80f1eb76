package dev.aplysia.host.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.reward.RewardRobot;
import org.junit.jupiter.api.Test;

/** A wrapped agent explores on the reward robot's schedule, and only then departs from its own command. */
class ExploringAgentTest {

    private static final Observation CLEAR = Observation.withoutLight(new int[] {1000, 1000, 1000}, 1000, false);

    /** An agent that always drives forward and counts what it is told. */
    private static final class Forward implements ClosedLoopAgent {
        int acts;
        int learned;

        @Override
        public String name() {
            return "forward";
        }

        @Override
        public DriveCommand act(Observation observation) {
            acts++;
            return DriveCommand.FORWARD;
        }

        @Override
        public void learn(double reward, Observation next) {
            learned++;
        }

        @Override
        public long stateBytes() {
            return 1;
        }

        @Override
        public long operationsPerStep() {
            return 1;
        }
    }

    /** Decisions out of {@code count}, from decision {@code from} on, that were not the wrapped agent's forward. */
    private static int departures(ExploringAgent agent, int from, int count) {
        for (int d = 0; d < from; d++) {
            agent.act(CLEAR);
        }
        int departed = 0;
        for (int d = 0; d < count; d++) {
            departed += agent.act(CLEAR) == DriveCommand.FORWARD ? 0 : 1;
        }
        return departed;
    }

    @Test
    void itDepartsAboutAsOftenAsTheRobotExploresEarlyAndLate() {
        // A uniform draw departs from forward two times in three: early 1/2 * 2/3, late (floor 1/64) 1/96.
        int early = departures(new ExploringAgent(new Forward(), 1), 0, 100);
        int late = departures(new ExploringAgent(new Forward(), 1), 20_000, 9_600);

        assertTrue(early >= 15 && early <= 40, early + " of the first 100 decisions departed");
        assertTrue(late >= 60 && late <= 140, late + " of 9,600 late decisions departed, about 100 expected");
        assertEquals(1024, RewardRobot.exploration(20_000), "the schedule's floor, Q16");
    }

    @Test
    void theWrappedAgentSeesEveryObservationAndRewardAndTheSeedFixesTheDraws() {
        Forward forward = new Forward();
        ExploringAgent agent = new ExploringAgent(forward, 7);
        for (int d = 0; d < 50; d++) {
            agent.act(CLEAR);
            agent.learn(0.5, CLEAR);
        }

        assertEquals(50, forward.acts);
        assertEquals(50, forward.learned);
        assertEquals(departures(new ExploringAgent(new Forward(), 7), 0, 200),
                departures(new ExploringAgent(new Forward(), 7), 0, 200));
        assertEquals("forward-exploring", agent.name());
    }
}
