package dev.aplysia.host.lab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.host.broker.EmbeddedBroker;
import dev.aplysia.host.collect.CommandAck;
import dev.aplysia.host.collect.ReceivedFrame;
import dev.aplysia.host.collect.TelemetryCollector;
import dev.aplysia.host.experiment.ComparisonPlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LabDeviceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private EmbeddedBroker broker;
    private LabDevice device;
    private TelemetryCollector host;
    private long startedMillis;

    @BeforeEach
    void connect() throws Exception {
        startedMillis = System.currentTimeMillis();
        broker = new EmbeddedBroker().start();
        device = new LabDevice("lab-x", new PahoTransport(MqttSettings.of(broker.url(), "lab-x")),
                Fixtures.optdigits());
        device.start();
        host = new TelemetryCollector(Topics.of("lab-x"), new PahoTransport(MqttSettings.of(broker.url(), "h")));
        host.start();
        host.awaitStatus(Topics.ONLINE, TIMEOUT);
    }

    @AfterEach
    void disconnect() {
        host.close();
        device.close();
        broker.close();
    }

    @Test
    void itsFramesCarryWallTimeUptimeAndTheTicksItsCoreHasRun() throws Exception {
        ComparisonPlan plan = new ComparisonPlan(1, 60, true);
        host.command("set", Map.of("name", "hidden", "value", plan.hidden()), TIMEOUT);
        host.command("set", Map.of("name", "quick", "value", 1), TIMEOUT);
        long before = System.currentTimeMillis();
        assertTrue(host.command("start", Map.of("experiment", "learning-curve"), TIMEOUT).ok());

        List<ReceivedFrame> curve = host.awaitFrames(LabDevice.CURVE, 2, Duration.ofMinutes(2));
        long after = System.currentTimeMillis();

        ReceivedFrame first = curve.get(0);
        ReceivedFrame second = curve.get(1);
        assertTrue(first.ts() >= before && second.ts() <= after, first + " outside [" + before + ", " + after + "]");
        long uptime = first.fields().path("uptime_ms").asLong(-1);
        assertTrue(uptime >= 0 && uptime <= after - startedMillis, first.toString());
        long ticksPerSample = new SpikingClassifier(plan.classifier(), McuProfile.RP2040).ticksPerLearningSample();
        assertTrue(first.tick() >= first.fields().get("samples").asLong() * ticksPerSample, first.toString());
        assertTrue(second.tick() > first.tick(), second.toString());
    }

    @Test
    void anUnknownExperimentIsRefusedNamingItAndTheKnownOnes() throws Exception {
        CommandAck ack = host.command("start", Map.of("experiment", "telepathy"), TIMEOUT);

        assertFalse(ack.ok());
        assertTrue(ack.error().contains("telepathy") && ack.error().contains("learning-curve"), ack.error());
    }

    @Test
    void aSettingOutOfRangeIsRefusedAndTheDeviceKeepsServing() throws Exception {
        CommandAck refused = host.command("set", Map.of("name", "hidden", "value", 5000), TIMEOUT);
        CommandAck accepted = host.command("set", Map.of("name", "hidden", "value", 50), TIMEOUT);

        assertFalse(refused.ok());
        assertTrue(refused.error().contains("hidden"), refused.error());
        assertTrue(accepted.ok(), String.valueOf(accepted.error()));
    }

    @Test
    void anExperimentTooLargeForTheProfileIsRefusedAndTheDeviceKeepsServing() throws Exception {
        CommandAck hidden = host.command("set", Map.of("name", "hidden", "value", 2000), TIMEOUT);
        CommandAck continual = host.command("start", Map.of("experiment", "continual"), TIMEOUT);
        CommandAck smaller = host.command("set", Map.of("name", "hidden", "value", 50), TIMEOUT);

        assertTrue(hidden.ok(), String.valueOf(hidden.error()));
        assertFalse(continual.ok());
        assertTrue(continual.error().contains("continual") && continual.error().contains("2000")
                && continual.error().contains("bytes"), continual.error());
        assertTrue(smaller.ok(), String.valueOf(smaller.error()));
    }

    @Test
    void aSnapshotIsRefusedBecauseTheLabKeepsNoState() throws Exception {
        CommandAck ack = host.command("snapshot", Map.of(), TIMEOUT);

        assertFalse(ack.ok());
        assertTrue(ack.error().contains("no state"), ack.error());
    }
}
