package dev.aplysia.device.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.telemetry.RunClaim.Step;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The claim rule, step by step, with the broker's deliveries played by hand and time passed in. */
class RunClaimTest {

    private final Topics topics = Topics.of("twin");
    private final RunClaim mine = new RunClaim("mine");
    private long now = 1_000;

    @Test
    void onAFreshBrokerTheRunProbesThenClaimsAndHoldsOnceItsClaimComesBack() {
        mine.connected();
        assertEquals(Step.PROBE, mine.next(now));
        assertEquals(Step.WAIT, mine.next(now));

        echo(mine, "{\"probe\":\"mine\"}");
        assertEquals(Step.CLAIM, mine.next(now));
        echo(mine, "{\"run\":\"mine\"}");

        assertTrue(mine.holds());
        assertEquals(Step.NONE, mine.next(now));
    }

    @Test
    void aLiveRunThatAnswersTheProbeKeepsTheIdAndTheNewcomerIsRefused() {
        status(mine, "online");
        echo(mine, "{\"run\":\"other\"}");
        mine.connected();
        assertEquals(Step.PROBE, mine.next(now));
        echo(mine, "{\"probe\":\"mine\"}");
        assertEquals(Step.WAIT, mine.next(now));

        echo(mine, "{\"run\":\"other\"}");

        assertEquals(Step.REFUSED, mine.next(now));
        assertEquals("other", mine.rival());
        assertFalse(mine.holds());
    }

    @Test
    void anOnlineStatusNobodyAnswersForIsStaleAndTheRunClaimsAfterTheWait() {
        status(mine, "online");
        echo(mine, "{\"run\":\"ghost\"}");
        mine.connected();
        mine.next(now);
        echo(mine, "{\"probe\":\"mine\"}");

        assertEquals(Step.WAIT, mine.next(now));
        assertEquals(Step.WAIT, mine.next(now + RunClaim.ANSWER_NANOS - 1));
        assertEquals(Step.CLAIM, mine.next(now + RunClaim.ANSWER_NANOS));
    }

    @Test
    void anOfflineStatusIsNoObstacle() {
        status(mine, "offline");
        echo(mine, "{\"run\":\"earlier\"}");
        mine.connected();
        mine.next(now);
        echo(mine, "{\"probe\":\"mine\"}");

        assertEquals(Step.CLAIM, mine.next(now));
    }

    @Test
    void aHolderAnswersProbesRepairsAStaleOfflineAndYieldsToALaterClaim() {
        hold(mine);

        echo(mine, "{\"probe\":\"newcomer\"}");
        assertEquals(Step.ANSWER, mine.next(now));
        status(mine, "offline");
        assertEquals(Step.REPAIR, mine.next(now));
        echo(mine, "{\"run\":\"later\"}");

        assertEquals(Step.SUPERSEDED, mine.next(now));
    }

    @Test
    void aReconnectionFindingItsOwnClaimHoldsAtOnce() {
        hold(mine);
        mine.disconnected();

        status(mine, "offline");
        echo(mine, "{\"run\":\"mine\"}");
        mine.connected();
        mine.next(now);
        echo(mine, "{\"probe\":\"mine\"}");

        assertTrue(mine.holds());
    }

    @Test
    void ofTwoRunsClaimingAtOnceTheOneWhoseClaimTheBrokerTookLastKeepsTheId() {
        RunClaim first = new RunClaim("first");
        RunClaim second = new RunClaim("second");
        for (RunClaim run : new RunClaim[] {first, second}) {
            run.connected();
            run.next(now);
            echo(run, "{\"probe\":\"" + run.nonce() + "\"}");
            assertEquals(Step.CLAIM, run.next(now));
        }

        for (RunClaim run : new RunClaim[] {first, second}) {
            echo(run, "{\"run\":\"first\"}");
            echo(run, "{\"run\":\"second\"}");
        }

        assertEquals(Step.SUPERSEDED, first.next(now));
        assertTrue(second.holds());
        assertEquals(Step.NONE, second.next(now));
    }

    @Test
    void retainedMessagesDeliveredBeforeTheConnectionIsReportedAreKept() {
        status(mine, "online");
        echo(mine, "{\"run\":\"other\"}");

        mine.connected();
        mine.next(now);
        echo(mine, "{\"probe\":\"mine\"}");

        assertEquals(Step.WAIT, mine.next(now), "waits for the other run's answer instead of claiming");
    }

    @Test
    void probesAndClaimsAreFlatJsonWithTheNonce() {
        assertEquals("{\"probe\":\"mine\"}", new String(mine.probe(), StandardCharsets.UTF_8));
        assertEquals("{\"run\":\"mine\"}", new String(mine.claim(), StandardCharsets.UTF_8));
        assertEquals(16, new RunClaim().nonce().length());
    }

    private void hold(RunClaim run) {
        run.connected();
        run.next(now);
        echo(run, "{\"probe\":\"" + run.nonce() + "\"}");
        run.next(now);
        echo(run, "{\"run\":\"" + run.nonce() + "\"}");
        assertTrue(run.holds());
    }

    private void echo(RunClaim run, String payload) {
        run.onRun(topics.run(), payload.getBytes(StandardCharsets.UTF_8));
    }

    private void status(RunClaim run, String payload) {
        run.onStatus(topics.status(), payload.getBytes(StandardCharsets.UTF_8));
    }
}
