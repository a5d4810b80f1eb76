package dev.aplysia.host.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.reward.DriveReward;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.world.Arena;
import dev.aplysia.hal.world.RobotSpec;
import dev.aplysia.hal.world.World;
import dev.aplysia.host.agent.ClosedLoopAgent;
import dev.aplysia.host.agent.DriveCommand;
import dev.aplysia.host.agent.Observation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The device and a host agent in a small room of the world: contacts close the bump switch and are counted. */
class WorldPolicyTest {

    private static final Path EXAMPLES = Path.of("..", "examples");
    /** A 600 mm room, the robot in the middle facing a wall 220 mm from its rim: forward reaches it within 1 s. */
    private static final String ROOM = "arena width=600 height=600\nstart x=300 y=300 heading=0\n";

    private static World world(long seed) throws HalException {
        return World.of(board(), RobotSpec.load(EXAMPLES.resolve("reward-robot.robot")),
                Arena.parse("room.txt", ROOM), seed);
    }

    private static BoardConfig board() throws HalException {
        return BoardConfig.load(EXAMPLES.resolve("reward-robot.board"));
    }

    /** Always forward; records every reward and observation it is given. */
    private static final class Forward implements ClosedLoopAgent {
        final List<Double> rewards = new ArrayList<>();
        final List<Observation> observations = new ArrayList<>();

        @Override
        public String name() {
            return "forward";
        }

        @Override
        public DriveCommand act(Observation observation) {
            return DriveCommand.FORWARD;
        }

        @Override
        public void learn(double reward, Observation next) {
            rewards.add(reward);
            observations.add(next);
        }

        @Override
        public long stateBytes() {
            return 0;
        }

        @Override
        public long operationsPerStep() {
            return 0;
        }
    }

    @Test
    void anAgentPushingOnAWallReadsItsBumpHighAndIsPunishedAsTheDeviceWouldBe() throws HalException {
        World world = world(1);
        Forward agent = new Forward();

        new AgentOnWorld("forward", agent, world).driveFor(2_000_000_000L);

        assertEquals(1, world.collisions().size(), "one contact, however long it pushes");
        assertTrue(world.digitalInput("bump").isHigh(), "still pushing");
        assertTrue(world.contactNanos() > 0 && world.contactNanos() < 2_000_000_000L, "pushing since the contact");
        Observation last = agent.observations.get(agent.observations.size() - 1);
        assertTrue(last.bumped());
        assertEquals(DriveReward.BUMP_PUNISHMENT / (double) DriveReward.ONE,
                agent.rewards.get(agent.rewards.size() - 1));
        assertEquals(0.5, agent.rewards.get(0), 0.05, "forward in the clear: 0.5 and a small loss of clearance");
    }

    @Test
    void theDeviceSensesTheBumpsTheWorldCountsAsCollisions() throws HalException {
        World world = world(2);
        DeviceOnWorld device = new DeviceOnWorld(world, board(), McuProfile.RP2040, 2);

        device.driveFor(30_000_000_000L);

        assertTrue(world.collisions().size() >= 1, "a small room is hit within 30 s");
        assertTrue(device.significant() >= world.collisions().size(), "each contact onset is sensed as a bump: "
                + device.significant() + " sensed, " + world.collisions().size() + " collisions");
        assertTrue(device.stateBytes() > 0 && device.operationsPerDecision() > 0);
    }
}
