package dev.aplysia.host.cli;

import dev.aplysia.node.BrokerOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code aplysia host compare}: the comparison against a device already on a broker. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Run the comparison against a device already connected to --broker (for example"
                + " './aplysia device lab' in another terminal or on a Raspberry Pi) and write the report.",
                "The device's figures come only from its telemetry. Progress goes to stderr."})
final class CompareCommand implements Callable<Integer> {

    @Option(names = "--broker", required = true, description = "Broker URL, tcp://host:port or ssl://host:port"
            + " (mqtt:// and mqtts:// too).")
    String brokerUrl;

    @Option(names = "--device", required = true, description = "The device's id.")
    String deviceId;

    @Mixin
    ComparisonOptions options;

    @Mixin
    BrokerOptions broker;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BrokerOptions.requireValidUrl(spec, "--broker", brokerUrl);
        ComparisonRun.run(brokerUrl, deviceId, broker, options, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        return 0;
    }
}
