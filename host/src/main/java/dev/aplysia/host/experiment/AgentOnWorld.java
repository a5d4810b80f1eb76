package dev.aplysia.host.experiment;

import dev.aplysia.device.reward.DriveReward;
import dev.aplysia.device.reward.RewardRobot;
import dev.aplysia.device.reward.RewardWiring;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.gpio.DigitalInput;
import dev.aplysia.hal.pwm.PwmOutput;
import dev.aplysia.hal.world.RobotSpec;
import dev.aplysia.hal.world.World;
import dev.aplysia.host.agent.ClosedLoopAgent;
import dev.aplysia.host.agent.DriveCommand;
import dev.aplysia.host.agent.Observation;
import dev.aplysia.host.agent.SensorGeometry;

/**
 * A host agent in the world, paced like the device: each decision period of {@link RewardWiring#TICKS_PER_DECISION}
 * ticks it reads the world's HAL channels (the distance sensors, the bump switch: closed if it rose during the period
 * or is closed now, as the firmware reads it) into an {@link Observation}, hands the agent the period's
 * {@link DriveReward} and the observation, asks for the next command, and drives it from
 * {@link RewardRobot#REACTION_TICKS} ticks after sensing, when the device's decision reaches its motors too, so both
 * react with the same latency. The world's virtual clock is advanced directly: an agent is charged no MCU time.
 */
final class AgentOnWorld implements WorldPolicy {

    private static final long PERIOD_NANOS = RewardWiring.TICKS_PER_DECISION * RewardWiring.TICK_NANOS;
    private static final long REACTION_NANOS = RewardRobot.REACTION_TICKS * RewardWiring.TICK_NANOS;

    private final String name;
    private final ClosedLoopAgent agent;
    private final World world;
    private final AnalogInput[] sonars;
    private final DigitalInput bump;
    private final PwmOutput left;
    private final PwmOutput right;
    private final int[] counts;
    private DriveCommand command;
    private int clearance;

    /** {@code agent}, reported as {@code name}, driving {@code world}'s robot through the reward robot's channels. */
    AgentOnWorld(String name, ClosedLoopAgent agent, World world) throws HalException {
        this.name = name;
        this.agent = agent;
        this.world = world;
        RobotSpec robot = world.robot();
        this.sonars = new AnalogInput[robot.sonars().size()];
        for (int s = 0; s < sonars.length; s++) {
            sonars[s] = world.analogInput(robot.sonars().get(s).name());
        }
        this.bump = world.digitalInput(RewardWiring.BUMP);
        this.left = world.pwmOutput(RewardWiring.MOTORS.get(0));
        this.right = world.pwmOutput(RewardWiring.MOTORS.get(1));
        this.counts = new int[sonars.length];
    }

    /**
     * The geometry of {@code robot}'s distance sensors for the agents that need it: bearings, the first sonar's range,
     * the body's radius, and forward's travel in one decision period.
     */
    static SensorGeometry geometry(RobotSpec robot) {
        double[] bearings = robot.sonars().stream().mapToDouble(RobotSpec.Sonar::angleDegrees).toArray();
        double forwardSpeed = robot.body().maxSpeed() * DriveCommand.FORWARD.leftPermille() / DriveCommand.PERMILLE;
        return new SensorGeometry(bearings, robot.sonars().get(0).rangeMm(), robot.body().radius(),
                forwardSpeed * PERIOD_NANOS / 1e9);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public World world() {
        return world;
    }

    @Override
    public void driveFor(long nanos) throws HalException {
        for (long t = 0; t < nanos; t += PERIOD_NANOS) {
            period();
        }
    }

    private void period() throws HalException {
        Observation observation = sense();
        world.clock().advance(REACTION_NANOS);
        command = agent.act(observation);
        left.setDuty(command.leftDuty(left.maxDuty()));
        right.setDuty(command.rightDuty(right.maxDuty()));
        world.clock().advance(PERIOD_NANOS - REACTION_NANOS);
    }

    /** Reads the sensors and, after the first period, gives the agent the period's reward. */
    private Observation sense() throws HalException {
        int nearest = DriveReward.ONE;
        for (int s = 0; s < sonars.length; s++) {
            counts[s] = sonars[s].read();
            nearest = Math.min(nearest, DriveReward.fraction(counts[s], sonars[s].maxValue()));
        }
        boolean collided = bump.pollRisingEdges() > 0;
        boolean touching = bump.isHigh();
        boolean bumped = collided || touching;
        Observation observation = Observation.withoutLight(counts, sonars[0].maxValue(), bumped);
        if (command != null) {
            int reward = DriveReward.of(collided, touching, command == DriveCommand.FORWARD, nearest - clearance, 0);
            agent.learn(reward / (double) DriveReward.ONE, observation);
        }
        clearance = nearest;
        return observation;
    }

    @Override
    public long stateBytes() {
        return agent.stateBytes();
    }

    /** The agent's own count of a decision step at its most costly ({@link ClosedLoopAgent#operationsPerStep}). */
    @Override
    public double operationsPerDecision() {
        return agent.operationsPerStep();
    }
}
