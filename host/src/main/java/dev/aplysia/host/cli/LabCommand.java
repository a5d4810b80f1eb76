package dev.aplysia.host.cli;

import dev.aplysia.node.BrokerOptions;
import dev.aplysia.node.LinkReport;
import dev.aplysia.device.telemetry.LinkHealth;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.host.lab.LabDevice;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aplysia device lab}: a device that serves the comparison experiments over MQTT until stopped. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"Run the lab device: it connects to --broker as --id, announces itself (status, meta), and"
                + " runs the comparison experiments that 'aplysia host compare' asks for, reporting only through"
                + " MQTT. Stops on SIGINT/SIGTERM (the broker then publishes its Last Will, offline), or with exit 1 if"
                + " another device holds --id on the broker."})
final class LabCommand implements Callable<Integer> {

    @Option(names = "--broker", required = true, description = "Broker URL, tcp://host:port or ssl://host:port"
            + " (mqtt:// and mqtts:// too).")
    String brokerUrl;

    @Option(names = "--id", defaultValue = "lab-1", description = "Device id (default: ${DEFAULT-VALUE}).")
    String deviceId;

    @Mixin
    BrokerOptions broker;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BrokerOptions.requireValidUrl(spec, "--broker", brokerUrl);
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.countDown();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "aplysia-lab-shutdown"));
        try (LabDevice device = new LabDevice(deviceId, new PahoTransport(broker.settings(brokerUrl,
                MqttSettings.perRunClientId("aplysia-" + deviceId))), Fixtures.optdigits())) {
            device.linkHealth().listen(new LinkReport(spec.commandLine().getErr(), brokerUrl));
            device.linkHealth().listen(event -> {
                if (event.kind() == LinkHealth.Kind.CONFLICT) {
                    stopping.countDown();
                }
            });
            device.start();
            spec.commandLine().getErr().println("lab device " + deviceId + " on " + brokerUrl
                    + "; Ctrl-C stops it");
            spec.commandLine().getErr().flush();
            stopping.await();
            return device.conflict() == null ? 0 : 1;
        } finally {
            closed.countDown();
        }
    }
}
