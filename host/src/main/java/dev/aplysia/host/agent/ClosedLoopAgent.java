package dev.aplysia.host.agent;

/**
 * A policy that drives the robot one decision period at a time and may learn from a reward.
 *
 * <p>The loop, once per decision period: the world gives an observation {@code o_t}; {@code a_t = act(o_t)} drives
 * the motors for the period; the world moves, then gives the period's reward {@code r_t} and the next observation
 * {@code o_{t+1}}, which the agent receives twice: first {@code learn(r_t, o_{t+1})}, then {@code act(o_{t+1})}.
 * The task never ends, so no step is terminal. Every agent of a comparison sees the same observations, reward and
 * number of decisions, and draws its randomness only from the seed it was built with, so a run repeats exactly.
 *
 * <p>The reward is the experiment's (a bump punished, forward progress or light rewarded); agents that do not
 * learn ignore it.
 */
public interface ClosedLoopAgent {

    /** Short name, as in reports: {@code dqn}, {@code random}, {@code braitenberg}. */
    String name();

    /** The command for the coming decision period, given what the robot senses now. */
    DriveCommand act(Observation observation);

    /**
     * The outcome of the last {@link #act}: the reward earned over the period and what the robot senses at its end.
     * Called once after each {@code act}, before the next one.
     */
    void learn(double reward, Observation next);

    /** Bytes of state a board would hold for this agent, counted as documented by each agent. */
    long stateBytes();

    /**
     * Arithmetic operations of one decision step ({@code act} and {@code learn}) at their most costly, counted as
     * documented by each agent (multiply-adds for a network).
     */
    long operationsPerStep();
}
