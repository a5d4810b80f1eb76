package dev.aplysia.device.telemetry;

import dev.aplysia.device.wire.FlatJson;
import dev.aplysia.device.wire.FlatJsonException;
import dev.aplysia.device.wire.FrameWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One run's claim to its device id on a broker, so that a second device started with the same id is noticed and
 * stops instead of both flapping online/offline. The claim is the retained {@code run} topic,
 * {@code {"run":"<nonce>"}}, a fresh random nonce per run; {@code status} stays plain {@code online}/{@code offline}.
 *
 * <p>On every connection, before announcing {@code online}, the publisher sends a probe {@code {"probe":"<nonce>"}}
 * (not retained) to {@code run}, to which it is subscribed with {@code status}. The broker delivers retained messages
 * on subscribing, before anything published later, so when the probe comes back every retained {@code status} and
 * {@code run} has been seen. Then:
 * <ul>
 *   <li>the retained claim is this run's (a reconnection): it still holds the id;</li>
 *   <li>{@code status} says {@code online} under another claim (or none): another run may be alive. A live run
 *       answers every probe by publishing its claim again, so a claim arriving after the probe's echo means the id is
 *       taken: this run stops ({@link Step#REFUSED} on the first connection, {@link Step#SUPERSEDED} on a later one).
 *       No answer within {@link #ANSWER_NANOS} means the {@code online} was stale (a run killed while the broker was
 *       away, a will not yet fired): this run claims the id;</li>
 *   <li>otherwise ({@code offline}, or nothing): this run claims the id.</li>
 * </ul>
 * Two runs claiming at once are ordered by the broker: each sees both claims in the same order, and a run that sees
 * another claim after the echo of its own has been superseded, so the later claim keeps the id and exactly one run
 * goes on. A run that holds the id and sees {@code status} say {@code offline} (a stale will, a refused run's will)
 * publishes {@code online} again ({@link Step#REPAIR}).
 *
 * <p>Messages arrive on the transport's thread; {@link #next} is called by the publisher thread. Thread safe.
 */
public final class RunClaim {

    /** How long a probe waits for a live run with the same id to answer. */
    static final long ANSWER_NANOS = 3_000_000_000L;
    /** How long a probe waits for its own echo before deciding on what it has seen. */
    static final long ECHO_NANOS = 5_000_000_000L;

    /** What the publisher should do next. */
    public enum Step {
        /** Nothing for the claim now. */
        NONE,
        /** Publish {@link #probe()} to {@code run}, not retained, QoS 1. */
        PROBE,
        /** Publish {@link #claim()} to {@code run}, retained, QoS 1, then announce. */
        CLAIM,
        /** A probe asked: publish {@link #claim()} again. */
        ANSWER,
        /** Publish {@code status} = {@code online} again: an {@code offline} came while this run holds the id. */
        REPAIR,
        /** Wait: a probe is out. */
        WAIT,
        /** Another live run holds the id: do not announce, stop. */
        REFUSED,
        /** A later run claimed the id: stop publishing, leave {@code status} to it. */
        SUPERSEDED
    }

    private enum State { DISCONNECTED, PROBE_DUE, AWAIT_ECHO, AWAIT_ANSWER, CLAIM_DUE, CLAIMED, HELD, LOST }

    private final String nonce;
    private final FlatJson json = new FlatJson(4, 256, 1);
    private State state = State.DISCONNECTED;
    private long deadline;
    private boolean answerClockRunning;
    private boolean heldBefore;
    private boolean retainedOnline;
    private String retainedClaim;
    private String rival;
    private boolean answerDue;
    private boolean repairDue;
    private Step lost;

    /** A claim with a fresh random nonce. */
    public RunClaim() {
        this(newNonce());
    }

    /** A claim with {@code nonce}: 1 to 64 of {@code A-Z a-z 0-9 _ -}. */
    RunClaim(String nonce) {
        this.nonce = nonce;
    }

    private static String newNonce() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** This run's nonce. */
    public String nonce() {
        return nonce;
    }

    /** {@code {"probe":"<nonce>"}}. */
    public byte[] probe() {
        return payload("probe");
    }

    /** {@code {"run":"<nonce>"}}. */
    public byte[] claim() {
        return payload("run");
    }

    private byte[] payload(String field) {
        return new FrameWriter(64 + nonce.length()).begin().field(field, nonce).end().toByteArray();
    }

    /**
     * A new connection is up, subscriptions active: probe again. Retained messages may have been delivered already
     * (the library reports the subscription and delivers them on one thread, in either order); they are kept.
     */
    public synchronized void connected() {
        if (state != State.LOST) {
            state = State.PROBE_DUE;
        }
    }

    /** The connection dropped: what was retained is heard again on the next one. */
    public synchronized void disconnected() {
        if (state != State.LOST) {
            heldBefore |= state == State.HELD || state == State.CLAIMED;
            state = State.DISCONNECTED;
            retainedOnline = false;
            retainedClaim = null;
        }
    }

    /** Until the probe's echo, messages are the retained state of the id. */
    private boolean beforeEcho() {
        return state == State.DISCONNECTED || state == State.PROBE_DUE || state == State.AWAIT_ECHO;
    }

    /** A message on the device's {@code status}; transport thread. */
    public synchronized void onStatus(String topic, byte[] payload) {
        String status = new String(payload, StandardCharsets.UTF_8);
        if (beforeEcho()) {
            retainedOnline = Topics.ONLINE.equals(status);
        } else if (state == State.HELD && Topics.OFFLINE.equals(status)) {
            repairDue = true;
        }
    }

    /** A message on the device's {@code run}: a probe or a claim; transport thread. Others are ignored. */
    public synchronized void onRun(String topic, byte[] payload) {
        String probe = field(payload, "probe");
        if (probe != null) {
            onProbe(probe);
            return;
        }
        String claim = field(payload, "run");
        if (claim != null) {
            onClaim(claim);
        }
    }

    private void onProbe(String prober) {
        if (prober.equals(nonce)) {
            if (state == State.AWAIT_ECHO) {
                decide();
            }
        } else if (state == State.CLAIMED || state == State.HELD) {
            answerDue = true;
        }
    }

    private void onClaim(String claimant) {
        boolean mine = claimant.equals(nonce);
        switch (state) {
            case DISCONNECTED, PROBE_DUE, AWAIT_ECHO -> retainedClaim = claimant;
            case AWAIT_ANSWER -> {
                if (!mine) {
                    lose(claimant);
                }
            }
            case CLAIMED -> state = mine ? State.HELD : State.CLAIMED;
            case HELD -> {
                if (!mine) {
                    lose(claimant);
                }
            }
            default -> {
                // Once a claim is due or lost, another claim says nothing new.
            }
        }
    }

    /** After the probe's echo (or its timeout): hold, wait for an answer (timed from the next step), or claim. */
    private void decide() {
        if (nonce.equals(retainedClaim)) {
            state = State.HELD;
        } else if (retainedOnline) {
            state = State.AWAIT_ANSWER;
            answerClockRunning = false;
        } else {
            state = State.CLAIM_DUE;
        }
    }

    private void lose(String claimant) {
        rival = claimant;
        lost = heldBefore || state == State.HELD ? Step.SUPERSEDED : Step.REFUSED;
        state = State.LOST;
    }

    /** The next step for the publisher thread at {@code now} ({@link System#nanoTime()}). */
    public synchronized Step next(long now) {
        return switch (state) {
            case DISCONNECTED -> Step.NONE;
            case PROBE_DUE -> probing(now);
            case AWAIT_ECHO -> timedOut(now) ? decided(now) : Step.WAIT;
            case AWAIT_ANSWER -> answered(now);
            case CLAIM_DUE -> claiming();
            case CLAIMED, HELD -> holding();
            case LOST -> lost;
        };
    }

    private Step probing(long now) {
        state = State.AWAIT_ECHO;
        deadline = now + ECHO_NANOS;
        return Step.PROBE;
    }

    private Step decided(long now) {
        decide();
        return state == State.CLAIM_DUE ? claiming() : state == State.HELD ? holding() : answered(now);
    }

    /** Waits {@link #ANSWER_NANOS} from the first look for a live run's answer; none means the id is free. */
    private Step answered(long now) {
        if (!answerClockRunning) {
            answerClockRunning = true;
            deadline = now + ANSWER_NANOS;
        }
        return timedOut(now) ? claiming() : Step.WAIT;
    }

    private Step claiming() {
        state = State.CLAIMED;
        answerDue = false;
        return Step.CLAIM;
    }

    private Step holding() {
        if (answerDue) {
            answerDue = false;
            return Step.ANSWER;
        }
        if (repairDue) {
            repairDue = false;
            return Step.REPAIR;
        }
        return Step.NONE;
    }

    private boolean timedOut(long now) {
        return now - deadline >= 0;
    }

    /** The probe or claim publication failed: try the step again on the next round. */
    public synchronized void retry(Step step) {
        switch (step) {
            case PROBE -> state = State.PROBE_DUE;
            case CLAIM -> state = State.CLAIM_DUE;
            case ANSWER -> answerDue = true;
            case REPAIR -> repairDue = true;
            default -> {
                // Nothing was published for the other steps.
            }
        }
    }

    /** True while this run may announce and publish: it has claimed or holds the id. */
    public synchronized boolean holds() {
        return state == State.CLAIMED || state == State.HELD;
    }

    /** The nonce of the run that took the id, once lost; null before. */
    public synchronized String rival() {
        return rival;
    }

    private String field(byte[] payload, String name) {
        try {
            json.parse(payload);
            int i = json.indexOf(name);
            return i >= 0 && json.type(i) == FlatJson.Type.STRING ? json.text(i) : null;
        } catch (FlatJsonException e) {
            return null;
        }
    }
}
