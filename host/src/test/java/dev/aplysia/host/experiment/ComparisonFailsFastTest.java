package dev.aplysia.host.experiment;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.fixtures.dataset.Optdigits;
import dev.aplysia.host.broker.EmbeddedBroker;
import dev.aplysia.host.collect.TcpRelay;
import dev.aplysia.host.lab.LabDevice;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** A comparison whose device is gone says so within seconds instead of waiting out its experiment timeouts. */
class ComparisonFailsFastTest {

    private static final ComparisonPlan PLAN = new ComparisonPlan(3, 60, true);
    private static final Optdigits DATA = Fixtures.optdigits();
    /** Far below the 20 minutes an experiment may take, and generous for "within seconds". */
    private static final Duration FAIL_WITHIN = Duration.ofSeconds(30);

    private static MqttSettings settings(String url, String client) {
        return MqttSettings.of(url, client).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofSeconds(5)).withReconnectDelays(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    @Test
    void whenTheDeviceDiesDuringAnExperimentTheComparisonFailsNamingIt() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        try (EmbeddedBroker broker = new EmbeddedBroker().start();
             TcpRelay relay = new TcpRelay(broker.port());
             LabDevice device = new LabDevice("lab-dies", new PahoTransport(settings(relay.url(), "lab-dies")),
                     DATA)) {
            device.start();
            Comparison host = new Comparison(new PahoTransport(settings(broker.url(), "host-dies")), "lab-dies",
                    broker.url(), PLAN, DATA, progress::add);
            CompletableFuture<ComparisonReport> comparison = CompletableFuture.supplyAsync(() -> run(host));
            until(() -> progress.stream().anyMatch(line -> line.contains("learning curve")));

            relay.hold();
            relay.cut();
            long cut = System.nanoTime();

            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> comparison.get(FAIL_WITHIN.toSeconds(), TimeUnit.SECONDS));
            System.out.printf("comparison failed %.1f s after the device's connection died: %s%n",
                    (System.nanoTime() - cut) / 1e9, e.getCause().getMessage());
            assertTrue(e.getCause().getMessage().contains("lab-dies") && e.getCause().getMessage().contains("offline"),
                    e.getCause().toString());
        }
    }

    @Test
    void anUnknownDeviceIsRefusedNamingTheDevicesOnTheBroker() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker().start();
             LabDevice device = new LabDevice("lab-here", new PahoTransport(settings(broker.url(), "lab-here")),
                     DATA)) {
            device.start();
            Comparison comparison = new Comparison(new PahoTransport(settings(broker.url(), "host-lost")),
                    "lab-elsewhere", broker.url(), PLAN, DATA, line -> { });

            CompletableFuture<ComparisonReport> run = CompletableFuture.supplyAsync(() -> run(comparison));
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> run.get(FAIL_WITHIN.toSeconds(), TimeUnit.SECONDS));

            String message = e.getCause().getMessage();
            assertTrue(message.contains("lab-elsewhere") && message.contains("lab-here (online)"), message);
        }
    }

    private static ComparisonReport run(Comparison comparison) {
        try {
            return comparison.run();
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void until(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + FAIL_WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
