package dev.aplysia.host.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.telemetry.Publisher;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.host.broker.Mosquitto;
import dev.aplysia.host.fleet.Fleet;
import dev.aplysia.host.fleet.FleetSpec;
import dev.aplysia.host.fleet.QosFloor;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two collectors in one shared subscription group ({@code $share/collectors/...}) on a real Mosquitto, with persistent
 * sessions (cleanSession=false, fixed client ids), split a fleet's telemetry published at QoS 1: every frame is handled
 * once across them; and when one dies mid-run, nothing is lost once its session is resumed, because Mosquitto keeps
 * routing the dead member its share and holds it in the member's session rather than giving it to the peer.
 */
class SharedSubscriptionTest {

    private static final String GROUP = "collectors";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String LINK_EVENTS = "/event/" + Publisher.LINK_EVENT;

    @TempDir
    Path dir;

    private final FrameLedger ledger = new FrameLedger();

    @BeforeEach
    void requireMosquitto() {
        RequiredPackage.require(MosquittoBroker.available(), "Mosquitto is not installed at "
                + MosquittoBroker.BINARY + ": skipping the shared subscription");
    }

    @Test
    void twoMembersOfAGroupHandleEveryFrameExactlyOnceBetweenThem() throws Exception {
        try (MosquittoBroker broker = new MosquittoBroker(dir, Mosquitto.fleetSettings())) {
            broker.start();
            AtomicLong first = new AtomicLong();
            AtomicLong second = new AtomicLong();
            FleetSpec spec = new FleetSpec(4, "split", 8, 1, 20, 1, 1);
            try (FleetCollector a = member(broker.url(), "collector-a", first);
                 FleetCollector b = member(broker.url(), "collector-b", second)) {
                a.start();
                b.start();
                try (Fleet fleet = fleet(spec, broker.url())) {
                    fleet.start(1);
                    await(() -> first.get() >= 50 && second.get() >= 50, "both members handling frames");
                    fleet.stopTicking();
                    long offered = fleet.status().offered();
                    await(() -> ledger.distinct(streamsOf(spec)) == offered, "every frame handled");

                    assertEquals(0, fleet.status().dropped(), "no frame dropped in a device's queue");
                    assertEquals(0, ledger.duplicates(streamsOf(spec)), "no frame handled twice");
                    assertEquals(0, ledger.missing(streamsOf(spec)));
                    assertEquals(offered, first.get() + second.get(), "each frame handled by one member only");
                }
            }
        }
    }

    @Test
    void aKilledMembersShareWaitsInItsSessionAndArrivesWhenItsClientIdComesBack() throws Exception {
        try (MosquittoBroker broker = new MosquittoBroker(dir, Mosquitto.fleetSettings());
             TcpRelay cable = new TcpRelay(broker.port())) {
            broker.start();
            AtomicLong first = new AtomicLong();
            AtomicLong second = new AtomicLong();
            AtomicLong resumed = new AtomicLong();
            FleetSpec spec = new FleetSpec(4, "kill", 8, 1, 20, 1, 1);
            try (FleetCollector a = member(cable.url(), "collector-a", first);
                 FleetCollector b = member(broker.url(), "collector-b", second);
                 Fleet fleet = fleet(spec, broker.url())) {
                a.start();
                b.start();
                fleet.start(1);
                await(() -> first.get() >= 50, "the first member handling frames");
                cable.hold();
                cable.cut();
                a.close();                      // while disconnected: no DISCONNECT reaches the broker
                long secondAtKill = second.get();
                await(() -> second.get() >= secondAtKill + 200, "the peer handling frames after the kill");
                fleet.stopTicking();
                long offered = fleet.status().offered();
                await(() -> fleet.queued() == 0, "the devices' queues drained");
                long handledWithoutIt = ledger.distinct(streamsOf(spec));

                try (FleetCollector again = member(broker.url(), "collector-a", resumed)) {
                    again.start();
                    await(() -> ledger.distinct(streamsOf(spec)) == offered, "every frame handled");
                }
                System.out.printf("shared subscription: the killed member handled %d frames; while it was away its"
                                + " peer handled %d and %d of %d waited; its resumed session delivered %d (%d"
                                + " handled twice)%n", first.get(), second.get() - secondAtKill,
                        offered - handledWithoutIt, offered, resumed.get(), ledger.duplicates(streamsOf(spec)));
                assertTrue(handledWithoutIt < offered, "the peer alone does not pick up the dead member's share");
                assertTrue(resumed.get() > 0, "the dead member's share arrives with its session");
                assertEquals(0, ledger.missing(streamsOf(spec)), "nothing lost");
                assertEquals(0, fleet.status().dropped(), "no frame dropped in a device's queue");
            }
        }
    }

    /** A member of the group with a persistent session named {@code clientId}, counting what it handles. */
    private FleetCollector member(String url, String clientId, AtomicLong handled) throws Exception {
        return new FleetCollector(Topics.DEFAULT_PREFIX, GROUP,
                new PahoTransport(DeviceRig.settings(url, clientId).withPersistentSession()),
                (device, stream, seq) -> {
                    ledger.onFrame(device, stream, seq);
                    if (!stream.equals(LINK_EVENTS.substring(1))) {
                        handled.incrementAndGet();
                    }
                });
    }

    /** Devices publishing every frame at QoS 1, each with its own client. */
    private static Fleet fleet(FleetSpec spec, String url) throws Exception {
        return new Fleet(spec, Fleet.defaultScenario(), url, id -> new QosFloor(new PahoTransport(
                DeviceRig.settings(url, MqttSettings.perRunClientId("aplysia-" + id))), spec.qos()),
                new PrintWriter(Writer.nullWriter()));
    }

    private static Predicate<String> streamsOf(FleetSpec spec) {
        return key -> key.startsWith(spec.idPrefix() + "-") && !key.endsWith(LINK_EVENTS);
    }

    private static void await(BooleanSupplier done, String what) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("waited " + WAIT + " for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
