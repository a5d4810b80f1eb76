package dev.aplysia.device;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;

/** HotSpot's per-thread allocation counter, for the tests that check a path allocates nothing. */
public final class AllocationCounter {

    private AllocationCounter() {
    }

    /** Skips the calling test on a JVM without the counter. */
    public static void assume() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
    }
}
