package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.SimBoard;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The firmware loop on the simulated board allocates nothing per tick once warm: sense, learn, actuate included. */
class FirmwareAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

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
        runner.run(20L * RobotWiring.TICKS_PER_SAMPLE);

        long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        runner.run(20L * RobotWiring.TICKS_PER_SAMPLE);
        long allocated = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

        assertEquals(40, firmware.counters().learned());
        assertEquals(0, allocated, "bytes allocated over 20 warm sample periods");
    }
}
