package dev.aplysia.host.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.fixtures.dataset.Optdigits;
import dev.aplysia.host.broker.EmbeddedBroker;
import dev.aplysia.host.collect.MosquittoBroker;
import dev.aplysia.host.collect.RequiredPackage;
import dev.aplysia.host.lab.LabDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole comparison through a real broker: the embedded Moquette always, Mosquitto when it is installed. */
class ComparisonOverBrokersTest {

    private static final ComparisonPlan PLAN = new ComparisonPlan(3, 60, true);
    private static final Optdigits DATA = Fixtures.optdigits();

    @TempDir
    Path dir;

    private static MqttSettings settings(String url, String client) {
        return MqttSettings.of(url, client).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(10));
    }

    private static ComparisonReport compare(String url) throws Exception {
        try (LabDevice device = new LabDevice("lab-test", new PahoTransport(settings(url, "lab-test")), DATA)) {
            device.start();
            return new Comparison(new PahoTransport(settings(url, "host-test")), "lab-test", url, PLAN, DATA,
                    line -> { }).run();
        }
    }

    @Test
    void throughTheEmbeddedBrokerTheDevicesFiguresArriveComplete() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker().start()) {
            assertComplete(compare(broker.url()));
        }
    }

    @Test
    void throughARealMosquittoTheDevicesFiguresArriveComplete() throws Exception {
        RequiredPackage.require(MosquittoBroker.available(),
                "Mosquitto is not installed (.ci/run installs the Debian package)");
        try (MosquittoBroker broker = new MosquittoBroker(dir)) {
            broker.start();
            assertComplete(compare(broker.url()));
        }
    }

    private static void assertComplete(ComparisonReport report) {
        report.telemetry().streams().forEach(s -> {
            assertTrue(s.expected() > 0, s.toString());
            assertEquals(s.expected(), s.received(), s.toString());
            assertEquals(List.of(), s.gaps(), s.toString());
        });
        assertEquals(3, report.continual().size());
        assertEquals(2 * 2 * PLAN.presentations().length, report.significance().size());
        assertEquals(LabDevice.RECEPTIVE_FIELDS, report.receptiveFields().size());
        assertEquals(2, report.cost().size());
        assertTrue(report.continual().get(2).firstTaskAfter() < report.continual().get(2).firstTaskBefore() / 2,
                "plain SGD forgets the first task: " + report.continual().get(2));
    }

    @Test
    void theDevicesCurveAndConfusionOverTheBrokerAreThoseOfTheSameRunInMemory() throws Exception {
        DigitsOnDevice.Result inMemory = DigitsOnDevice.learningCurve(PLAN.classifier(), McuProfile.RP2040,
                PLAN.train(DATA.train()), PLAN.test(DATA.test()), (p, of) -> { }, c -> { });

        ComparisonReport report;
        try (EmbeddedBroker broker = new EmbeddedBroker().start()) {
            report = compare(broker.url());
        }

        List<LearningCurve.Point> received = report.learningCurve().device();
        assertEquals(inMemory.learningCurve().size(), received.size());
        for (int i = 0; i < received.size(); i++) {
            assertEquals(inMemory.learningCurve().get(i).samples(), received.get(i).samples());
            assertEquals(inMemory.learningCurve().get(i).accuracy(), received.get(i).accuracy(), 1e-6);
        }
        assertEquals(inMemory.confusion(), report.confusion().device());
    }
}
