package dev.aplysia.host.agent;

import dev.aplysia.device.reward.RewardRobot;
import java.util.SplittableRandom;

/**
 * Another agent exploring as the reward robot does: each decision, with the robot's exploration probability after
 * as many decisions ({@link RewardRobot#exploration}: one in two at first, one in 64 at the least), a command drawn
 * uniformly instead of the agent's. Wrapped around the Braitenberg avoider it is the baseline that says what the
 * device's exploration alone costs: a policy that already knows how to avoid, paying for the exploration a learner
 * needs to keep learning. The wrapped agent still sees every observation and reward.
 */
public final class ExploringAgent implements ClosedLoopAgent {

    private static final double Q16 = 65536.0;

    private final ClosedLoopAgent agent;
    private final SplittableRandom random;
    private long decisions;

    /** {@code agent}, overridden by draws that all follow from {@code seed}. */
    public ExploringAgent(ClosedLoopAgent agent, long seed) {
        this.agent = agent;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public String name() {
        return agent.name() + "-exploring";
    }

    @Override
    public DriveCommand act(Observation observation) {
        DriveCommand own = agent.act(observation);
        boolean explore = random.nextDouble() < RewardRobot.exploration(decisions++) / Q16;
        return explore ? DriveCommand.of(random.nextInt(DriveCommand.count())) : own;
    }

    @Override
    public void learn(double reward, Observation next) {
        agent.learn(reward, next);
    }

    /** The wrapped agent's, the generator's two longs and the decision count. */
    @Override
    public long stateBytes() {
        return agent.stateBytes() + RandomPolicy.STATE_BYTES + Long.BYTES;
    }

    /** The wrapped agent's, plus the draw. */
    @Override
    public long operationsPerStep() {
        return agent.operationsPerStep() + 1;
    }
}
