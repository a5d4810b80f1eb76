package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.SimBoard;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The firmware loop on the simulated board allocates nothing per tick once warm: sense, learn, actuate included.
 * (A checkpoint, every {@link RobotWiring#CHECKPOINT_TICKS}, encodes into a reused buffer; the simulated storage
 * keeps a copy of what it is given: see docs/firmware.md.)
 */
class FirmwareAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * Windows measured. The fewest bytes any window allocated is the figure: code that allocates per tick allocates
     * in every window, while the JIT still compiling, deoptimising or resolving constants allocates now and then on
     * this thread (seen up to a few hundred bytes in single windows after thousands of ticks).
     */
    private static final int WINDOWS = 5;

    private static long allocatedOver(FirmwareRunner runner, long ticks) {
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        long calibration = THREADS.getThreadAllocatedBytes(thread) - before;
        long start = THREADS.getThreadAllocatedBytes(thread);
        runner.run(ticks);
        return THREADS.getThreadAllocatedBytes(thread) - start - calibration;
    }

    @Test
    void warmFirmwareTicksAllocateNothing() throws HalException {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        SimBoard board = SimBoard.of(RobotBench.board());
        for (int s = 0; s < 8; s++) {
            board.analogInput("sonar" + s).drive(150 + 100 * s);
        }
        board.digitalInput(RobotWiring.teacher(1)).drive(true);
        McuProfile profile = McuProfile.RP2040;
        Firmware firmware = new Firmware(RobotBench.config(profile), board, FirmwareEvents.NONE);
        FirmwareRunner runner = new FirmwareRunner(firmware);
        runner.run(200L * RobotWiring.TICKS_PER_SAMPLE);

        long fewest = Long.MAX_VALUE;
        for (int window = 0; window < WINDOWS; window++) {
            fewest = Math.min(fewest, allocatedOver(runner, 10L * RobotWiring.TICKS_PER_SAMPLE));
        }

        assertEquals(200 + WINDOWS * 10, firmware.counters().learned());
        assertEquals(0, fewest, "bytes allocated in the quietest of " + WINDOWS + " windows of 10 sample periods");
    }
}
