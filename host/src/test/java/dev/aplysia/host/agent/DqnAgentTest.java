package dev.aplysia.host.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DqnAgentTest {

    private static final int TRAINING_STEPS = 3000;
    private static final int SCORED_STEPS = 600;

    @Test
    void afterTrainingInTheCorridorItsGreedyPolicyTurnsAtTheWallAndEarnsMoreThanAtStartAndMoreThanRandom() {
        DqnAgent agent = new DqnAgent(1, 0, DqnConfig.defaults(), 11);
        double before = meanReward(agent::greedy, new Corridor(3));
        double randomPolicy = meanReward(new RandomPolicy(5)::act, new Corridor(3));

        Corridor.train(agent, new Corridor(7), TRAINING_STEPS);
        double after = meanReward(agent::greedy, new Corridor(3));

        // Seeds 1..10 all reach 0.66..0.75 (turning a cell early at worst); untrained greedy 0, random 0.23..0.30.
        assertTrue(after > 0.6, "greedy reward per step after training " + after + " (best 5/6)");
        assertTrue(after > before + 0.3, "before " + before + ", after " + after);
        assertTrue(after > randomPolicy + 0.3, "random " + randomPolicy + ", trained " + after);
        assertEquals(0, bumpsOf(agent::greedy, new Corridor(3)), "the trained greedy policy never hits the wall");
    }

    @Test
    void theSameSeedGivesTheSameCommandsAndAnotherSeedOthers() {
        List<DriveCommand> first = commands(new DqnAgent(1, 0, DqnConfig.defaults(), 42));
        List<DriveCommand> again = commands(new DqnAgent(1, 0, DqnConfig.defaults(), 42));
        List<DriveCommand> other = commands(new DqnAgent(1, 0, DqnConfig.defaults(), 43));

        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void theReplayBufferStaysAtItsCapacityOverALongRun() {
        DqnAgent agent = new DqnAgent(1, 0, DqnConfig.defaults(), 1);

        Corridor.train(agent, new Corridor(2), 2 * DqnConfig.defaults().replayCapacity() + 7);

        assertEquals(DqnConfig.defaults().replayCapacity(), agent.replay().size());
    }

    @Test
    void stateBytesAndOperationsMatchAHandCountForA3To4To3Network() {
        DqnConfig small = new DqnConfig(4, 10, 2, 2, 2, 5, 0.9, 0.01, 1, 0.1, 10, 1);
        DqnAgent agent = new DqnAgent(2, 0, small, 1);
        // I = 2 distances + bump = 3, H = 4, O = 3: P = 4·3 + 4 + 3·4 + 3 = 31.
        long online = 4 * (31 + 3 + 2 * 4 + 2 * 3);
        long target = 4 * 31;
        long adam = 8 * 31;
        long gradient = 4 * 31;
        long replay = 10 * (2 * 4 * 3 + 4 + 1);
        long forward = 4 * 3 + 3 * 4;
        long onlineGradient = forward + 3 * 4 + 31;
        long minibatch = 2 * (forward + onlineGradient);
        long adamUpdate = 9 * 31;

        assertEquals(online + target + adam + gradient + replay, agent.stateBytes());
        assertEquals(978, agent.stateBytes());
        assertEquals(forward + minibatch + adamUpdate, agent.operationsPerStep());
        assertEquals(485, agent.operationsPerStep());
        assertEquals(24 + 461 / 2.0, agent.meanOperationsPerStep());
    }

    @Test
    void aDecisionStepThatTrainsAllocatesNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        DqnAgent agent = new DqnAgent(1, 0, DqnConfig.defaults(), 1);
        Observation near = Observation.withoutLight(new int[] {100}, 1023, false);
        Observation far = Observation.withoutLight(new int[] {900}, 1023, false);
        int steps = 2_000;
        for (int t = 0; t < 5 * steps; t++) {
            agent.act(near);
            agent.learn(0.5, far);
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int t = 0; t < steps; t++) {
            agent.act(near);
            agent.learn(0.5, far);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // As for the Mlp's step: one 16-byte object per step would show; a one-off VM allocation need not fail.
        assertTrue(allocated < 16L * steps, allocated + " bytes in " + steps + " steps");
    }

    @Test
    void anObservationFromOtherSensorsIsRefused() {
        DqnAgent agent = new DqnAgent(2, 0, DqnConfig.defaults(), 1);

        assertThrows(IllegalArgumentException.class,
                () -> agent.act(Observation.withoutLight(new int[] {1, 2, 3}, 10, false)));
    }

    @Test
    void learningBeforeActingIsRefused() {
        DqnAgent agent = new DqnAgent(1, 0, DqnConfig.defaults(), 1);

        assertThrows(IllegalStateException.class,
                () -> agent.learn(0, Observation.withoutLight(new int[] {1}, 10, false)));
    }

    private static List<DriveCommand> commands(DqnAgent agent) {
        Corridor corridor = new Corridor(9);
        List<DriveCommand> commands = new ArrayList<>();
        Observation now = corridor.observe();
        for (int t = 0; t < 500; t++) {
            DriveCommand command = agent.act(now);
            commands.add(command);
            double reward = corridor.step(command);
            now = corridor.observe();
            agent.learn(reward, now);
        }
        return commands;
    }

    private static double meanReward(Function<Observation, DriveCommand> policy, Corridor corridor) {
        double total = 0;
        for (int t = 0; t < SCORED_STEPS; t++) {
            total += corridor.step(policy.apply(corridor.observe()));
        }
        return total / SCORED_STEPS;
    }

    private static int bumpsOf(Function<Observation, DriveCommand> policy, Corridor corridor) {
        int bumps = 0;
        for (int t = 0; t < SCORED_STEPS; t++) {
            bumps += corridor.step(policy.apply(corridor.observe())) < 0 ? 1 : 0;
        }
        return bumps;
    }
}
