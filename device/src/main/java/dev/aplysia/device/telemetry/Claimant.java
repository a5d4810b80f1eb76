package dev.aplysia.device.telemetry;

import java.nio.charset.StandardCharsets;

/**
 * Carries out the steps of a {@link RunClaim} on the publisher's transport: probe, claim, answer, repair, and the
 * verdict when another run holds the id. Publisher thread only, apart from the subscriptions' handlers.
 */
final class Claimant {

    private final Topics topics;
    private final Transport transport;
    private final RunClaim claim;
    private final LinkHealth health;
    private String conflict;

    Claimant(Topics topics, Transport transport, RunClaim claim, LinkHealth health) {
        this.topics = topics;
        this.transport = transport;
        this.claim = claim;
        this.health = health;
    }

    /** Subscribes to the device's exact {@code status} and {@code run} topics. */
    void subscribe() throws TransportException {
        transport.subscribe(topics.status(), claim::onStatus);
        transport.subscribe(topics.run(), claim::onRun);
    }

    /** A new connection is up. */
    void connected() {
        claim.connected();
    }

    /** The connection dropped or was replaced. */
    void disconnected() {
        claim.disconnected();
    }

    /** True while the run may announce and publish. */
    boolean holds() {
        return claim.holds();
    }

    /** Why this run stopped (another run holds the id), or null. */
    String conflict() {
        return conflict;
    }

    /** Does the claim's next step; false if there was none. */
    boolean round() throws TransportException {
        RunClaim.Step step = claim.next(System.nanoTime());
        boolean published = false;
        try {
            switch (step) {
                case PROBE -> transport.publish(topics.run(), claim.probe(), 1, false);
                case CLAIM, ANSWER -> transport.publish(topics.run(), claim.claim(), 1, true);
                case REPAIR -> transport.publish(topics.status(), Topics.ONLINE.getBytes(StandardCharsets.UTF_8), 1,
                        true);
                case REFUSED, SUPERSEDED -> lose(step);
                case NONE, WAIT -> {
                    return false;
                }
            }
            published = true;
        } finally {
            if (!published) {
                claim.retry(step);
            }
        }
        return true;
    }

    private void lose(RunClaim.Step step) {
        if (conflict != null) {
            return;
        }
        conflict = step == RunClaim.Step.REFUSED
                ? "device id " + topics.deviceId() + " is already in use on this broker: run " + claim.rival()
                        + " answered on " + topics.run() + "; this run (" + claim.nonce() + ") refuses to start"
                : "device id " + topics.deviceId() + " was taken over by a later run (" + claim.rival() + ") on "
                        + topics.run() + "; this run (" + claim.nonce() + ") stops publishing";
        health.report(LinkHealth.Kind.CONFLICT, conflict);
        transport.close();
    }
}
