package dev.aplysia.device.firmware;

import dev.aplysia.device.AllocationCounter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.telemetry.Frame;
import dev.aplysia.device.telemetry.Telemetry;
import dev.aplysia.device.telemetry.TelemetryQueue;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.time.Clock;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FirmwareTelemetryTest {

    private static final Clock FIVE_SECONDS = () -> 5_000_000_000L;

    private final TelemetryQueue queue = new TelemetryQueue(16, 256);
    private final Telemetry telemetry = new Telemetry(queue);
    private final FirmwareTelemetry events = new FirmwareTelemetry(telemetry, FIVE_SECONDS);
    private final Frame frame = new Frame(256);

    @Test
    void eachReportBecomesAFrameOnItsChannelStampedWithTheBoardClock() {
        events.decided(111, 1, 2, -1);
        events.learned(127, 1, 2, 3.0);
        events.halError(130, "sensor front/read", new HalException(ErrorKind.TIMEOUT, "no answer"));
        events.checkpoint(131, true, "snapshot.current");

        assertEquals("telemetry/decisions {\"seq\":0,\"tick\":111,\"ts\":5000,\"sample\":1,\"decided\":2,\"taught\":-1}",
                next());
        assertEquals("telemetry/learning {\"seq\":0,\"tick\":127,\"ts\":5000,\"sample\":1,\"taught\":2,"
                + "\"modulator\":3.000}", next());
        assertEquals("event/hal-error {\"seq\":0,\"tick\":130,\"ts\":5000,\"what\":\"sensor front/read\","
                + "\"error\":\"no answer\"}", next());
        assertEquals("event/checkpoint {\"seq\":0,\"tick\":131,\"ts\":5000,\"ok\":true,\"detail\":\"snapshot.current\"}",
                next());
    }

    @Test
    void haltsAndResumesAreEventsNamingTheCause() {
        events.halted(200, HaltCause.STALL);
        events.resumed(950);

        assertEquals("event/halted {\"seq\":0,\"tick\":200,\"ts\":5000,\"cause\":\"stall\"}", next());
        assertEquals("event/resumed {\"seq\":0,\"tick\":950,\"ts\":5000}", next());
    }

    @Test
    void reportingDecisionsAndLearningAllocatesNothing() {
        AllocationCounter.assume();
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            report(i);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000; i++) {
            report(i);
        }

        assertTrue(threads.getCurrentThreadAllocatedBytes() - before < 16L * 1_000);
    }

    private void report(int i) {
        events.decided(i, i, i % 4, i % 4);
        events.learned(i, i, i % 4, 1.0);
        queue.poll(frame);
        queue.poll(frame);
    }

    private String next() {
        assertTrue(queue.poll(frame));
        return telemetry.channel(frame.channel()).topicSuffix() + " "
                + new String(frame.payload(), 0, frame.length(), StandardCharsets.UTF_8);
    }
}
