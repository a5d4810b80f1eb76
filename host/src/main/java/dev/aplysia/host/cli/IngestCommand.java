package dev.aplysia.host.cli;

import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.TransportException;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.host.broker.Mosquitto;
import dev.aplysia.host.fleet.FleetSpec;
import dev.aplysia.host.fleet.IngestBenchmark;
import dev.aplysia.node.BrokerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aplysia host ingest}: the ingest benchmark, a fleet through a real Mosquitto into the host's collector. The
 * Mosquitto it starts is stopped on the way out, by a signal too (a child process outlives the JVM otherwise).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Measure the host's ingest: a fleet of simulated devices (as 'aplysia device fleet') publishes"
                + " through a real Mosquitto (started here on a free loopback port, unless --broker) into the host's"
                + " fleet collector. For each device count of --counts, once every device is online: messages a"
                + " second handled, latency from each frame's ts to its handling (p50, p99, max), frames lost and"
                + " duplicated. Steps up until a step breaks the floor (p99 under --p99-ms, nothing lost): the knee.",
                "One line per step on stdout; progress on stderr."})
final class IngestCommand implements Callable<Integer> {

    @Option(names = "--counts", split = ",", defaultValue = "500", description = "Device counts to step through,"
            + " comma-separated, ascending (default: ${DEFAULT-VALUE}).")
    List<Integer> counts;

    @Option(names = "--seconds", defaultValue = "60", description = "Measured seconds per step (default:"
            + " ${DEFAULT-VALUE}).")
    long seconds;

    @Option(names = "--collectors", defaultValue = "1", description = "Collectors; more than one share the fleet"
            + " through the shared subscription group 'ingest', with persistent sessions (default: ${DEFAULT-VALUE}).")
    int collectors;

    @Option(names = "--p99-ms", defaultValue = "100", description = "The latency floor a step must stay under at"
            + " p99, milliseconds (default: ${DEFAULT-VALUE}).")
    double p99Millis;

    @Option(names = "--broker", description = "Use this broker instead of starting Mosquitto ("
            + Mosquitto.BINARY + ").")
    String brokerUrl;

    @Mixin
    FleetOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        requireValidOptions();
        if (brokerUrl != null) {
            return steps(brokerUrl);
        }
        if (!Mosquitto.installed()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Mosquitto is not installed at "
                    + Mosquitto.BINARY + " (apt-get install mosquitto); give --broker URL instead");
        }
        Path dir = Files.createTempDirectory("aplysia-ingest-");
        Mosquitto mosquitto = new Mosquitto(dir, Mosquitto.fleetSettings());
        Thread stopBroker = new Thread(mosquitto::close, "aplysia-ingest-mosquitto");
        Runtime.getRuntime().addShutdownHook(stopBroker);
        try {
            mosquitto.start();
            err().println("ingest: Mosquitto on " + mosquitto.url() + " with " + Mosquitto.fleetSettings());
            return steps(mosquitto.url());
        } finally {
            mosquitto.close();
            ShutdownHooks.remove(stopBroker);
            deleteTree(dir);
        }
    }

    private void requireValidOptions() {
        if (brokerUrl != null) {
            BrokerOptions.requireValidUrl(spec, "--broker", brokerUrl);
        }
        if (seconds < 1 || collectors < 1 || p99Millis <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds and --collectors must be at"
                    + " least 1 and --p99-ms positive");
        }
        for (int k = 0; k < counts.size(); k++) {
            options.spec(spec, counts.get(k), "ingest");
            if (k > 0 && counts.get(k) <= counts.get(k - 1)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--counts must ascend, got " + counts);
            }
        }
    }

    /** Runs the steps in order; the first that breaks the floor is the knee and the last step run. */
    private int steps(String url) throws Exception {
        IngestBenchmark benchmark = new IngestBenchmark(url, options.transports(url), (k, n) -> collector(url, k, n),
                err());
        PrintWriter out = spec.commandLine().getOut();
        for (int step = 0; step < counts.size(); step++) {
            FleetSpec fleet = options.spec(spec, counts.get(step), "ingest" + (step + 1));
            err().printf("ingest: step %d: %d devices x %d msg/s, QoS %d, %d collector(s), %d s%n", step + 1,
                    fleet.count(), fleet.rate(), fleet.qos(), collectors, seconds);
            err().flush();
            IngestBenchmark.Result result = benchmark.run(fleet, options.scenario(), options.tickThreads(), collectors,
                    seconds);
            out.println(line(result));
            out.flush();
            if (!result.holds(p99Millis)) {
                out.printf("knee: %d devices x %d msg/s (%s)%n", fleet.count(), fleet.rate(), step == 0
                        ? "the first step already breaks the floor" : "the step before held");
                return 0;
            }
        }
        out.printf("knee: not reached; every step held p99 < %.0f ms with nothing lost%n", p99Millis);
        return 0;
    }

    private Transport collector(String url, int index, int count) throws TransportException {
        MqttSettings settings = count == 1
                ? options.broker.settings(url, MqttSettings.perRunClientId("aplysia-ingest"))
                : options.broker.settings(url, "aplysia-ingest-" + (index + 1)).withPersistentSession();
        return new PahoTransport(settings);
    }

    static String line(IngestBenchmark.Result r) {
        return String.format("ingest: %d devices x %d msg/s, QoS %d, %d collector(s), %.0f s: %,.0f msg/s handled;"
                        + " latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; lost %d of %,d (%d dropped in device queues,"
                        + " %d missing by seq), %d duplicates; tick lag max %d ms", r.spec().count(), r.spec().rate(),
                r.spec().qos(), r.collectors(), r.seconds(), r.perSecond(), r.latencyMillis(50), r.latencyMillis(99),
                r.maxLatencyMillis(), r.lost(), r.offered(), r.dropped(), r.missing(), r.duplicates(), r.lagMillis());
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
