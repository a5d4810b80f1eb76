package dev.aplysia.device.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.Population;
import dev.aplysia.device.firmware.FirmwareEvents;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.HalException;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reward robot's wiring contract, and its warm tick allocating nothing. */
class RewardWiringTest {

    /** A weight of 1.0, raw. */
    private static final int ONE = 1 << 14;

    @Test
    void aMisspeltChannelAndAMissingBumpAreRefusedTogether() throws HalException {
        String text = Corridor.BOARD.replace("digital-in bump", "digital-in bmup");
        BoardConfig board = BoardConfig.parse("robot.board", text);

        HalException e = assertThrows(HalException.class,
                () -> RewardWiring.config(board, McuProfile.PI_NATIVE, "r", 1));

        assertEquals(List.of("robot.board:5: digital-in 'bmup' is not a channel the reward robot uses; its digital"
                        + " input is bump",
                "robot.board: the reward robot needs digital-in 'bump' (its bump switch)"),
                e.getMessage().lines().toList());
    }

    @Test
    void theCorridorBoardWiresThreeSonarsAndTheBump() throws HalException {
        RewardConfig config = Corridor.config(1);

        assertEquals(List.of("sonar0", "sonar1", "sonar2"), config.sensors());
        assertEquals(RewardWiring.BUMP, config.bump());
    }

    @Test
    void theActionDrivenHardestTakesTheWindowWhenAnotherIsDrivenPastThresholdToo() throws HalException {
        Network network = Network.build(RewardWiring.spec(Corridor.config(1)), McuProfile.PI_NATIVE);
        short[] weights = network.projection(RewardWiring.POLICY).engine().weights();
        int[] active = {0, 5, 10, 15};
        for (int f : active) {
            weights[f * 3 + RewardWiring.FORWARD] = (short) (0.6 * ONE);
            weights[f * 3 + RewardWiring.TURN_LEFT] = (short) ONE;
            weights[f * 3 + RewardWiring.TURN_RIGHT] = 0;
        }
        Population sensors = network.population("sensors");
        Population actions = network.population("actions");
        ActionRace race = new ActionRace(actions.size());
        network.setLearning(false);
        for (int t = 0; t < RewardRobot.DECIDE_TICKS; t++) {
            sensors.spikes().clear();
            for (int f : active) {
                sensors.spikes().set(f);
            }
            network.step();
            race.observe(actions.spikes());
        }

        assertTrue(race.count(RewardWiring.TURN_LEFT) >= RewardRobot.DECIDE_TICKS - 1,
                "turn-left (drive 4.0) spiked " + race.count(RewardWiring.TURN_LEFT) + " times, forward (2.4) "
                        + race.count(RewardWiring.FORWARD));
        assertEquals(0, race.count(RewardWiring.FORWARD));
    }

    @Test
    void warmRewardTicksAllocateNothing() throws HalException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported()
                && threads.isThreadAllocatedMemoryEnabled());
        Corridor corridor = new Corridor(Corridor.config(1), FirmwareEvents.NONE);
        corridor.place(300, false);
        for (int t = 0; t < 200 * RewardWiring.TICKS_PER_DECISION; t++) {
            corridor.firmware.doWork();
        }
        long fewest = Long.MAX_VALUE;
        for (int window = 0; window < 5; window++) {
            long start = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int t = 0; t < 10 * RewardWiring.TICKS_PER_DECISION; t++) {
                corridor.firmware.doWork();
            }
            fewest = Math.min(fewest, threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - start);
        }

        assertEquals(0, fewest, "bytes allocated in the quietest of 5 windows of 10 decisions");
    }
}
