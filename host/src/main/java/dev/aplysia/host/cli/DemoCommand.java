package dev.aplysia.host.cli;

import dev.aplysia.node.BrokerOptions;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.host.broker.EmbeddedBroker;
import dev.aplysia.host.lab.LabDevice;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aplysia demo}: the whole comparison on one machine, device and host talking only through MQTT. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start an MQTT broker (embedded Moquette on loopback, or --broker), a simulated device and the"
                + " host, and compare on-device local plasticity with backprop on UCI optdigits: learning curve,"
                + " continual learning, significance and cost. The device's figures arrive as telemetry through the"
                + " broker.",
                "Writes summary.json, one CSV per experiment, PNG charts and report.md to --out. Progress goes to"
                        + " stderr."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--broker", description = "Use this broker (tcp://, ssl://, mqtt:// or mqtts://host:port)"
            + " instead of starting the embedded one.")
    String brokerUrl;

    @Option(names = "--device", defaultValue = "lab-1", description = "Device id (default: ${DEFAULT-VALUE}).")
    String deviceId;

    @Mixin
    ComparisonOptions options;

    @Mixin
    BrokerOptions broker;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (brokerUrl != null) {
            BrokerOptions.requireValidUrl(spec, "--broker", brokerUrl);
        }
        try (EmbeddedBroker embedded = brokerUrl == null ? new EmbeddedBroker().start() : null) {
            String url = embedded == null ? brokerUrl : embedded.url();
            err.println(embedded == null ? "broker: " + url : "broker: embedded Moquette at " + url);
            try (LabDevice device = new LabDevice(deviceId, new PahoTransport(broker.settings(url,
                    MqttSettings.perRunClientId("aplysia-" + deviceId))), Fixtures.optdigits())) {
                device.start();
                ComparisonRun.run(url, deviceId, broker, options, spec.commandLine().getOut(), err);
            }
        }
        return 0;
    }
}
