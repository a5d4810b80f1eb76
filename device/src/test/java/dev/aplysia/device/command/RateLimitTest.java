package dev.aplysia.device.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.hal.sim.VirtualClock;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private static final long SECOND = 1_000_000_000L;

    private final VirtualClock clock = VirtualClock.unpaced();
    private final RateLimit limit = new RateLimit(20, clock);

    @Test
    void aFullBucketAdmitsItsWholeBurstAtOnceThenSaysWhenTheNextTokenComes() {
        for (int k = 0; k < 20; k++) {
            assertEquals(0, limit.take(), "token " + k);
        }

        assertEquals(3 * SECOND, limit.take(), "20 a minute: one every 3 s");
    }

    @Test
    void tokensComeBackAtTheRateAndNeverBeyondAFullBucket() {
        for (int k = 0; k < 20; k++) {
            limit.take();
        }
        clock.advance(3 * SECOND);
        assertEquals(0, limit.take());
        assertEquals(3 * SECOND, limit.take());

        clock.advance(3600 * SECOND);
        int admitted = 0;
        while (limit.take() == 0) {
            admitted++;
        }
        assertEquals(20, admitted, "an hour's rest refills the bucket, no more");
    }
}
