package dev.aplysia.host.cli;

import dev.aplysia.host.fleet.Fleet;
import dev.aplysia.host.fleet.FleetSpec;
import dev.aplysia.node.BrokerOptions;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aplysia device fleet}: many simulated devices in one JVM, each its own firmware, board and MQTT client. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"Run --count simulated learning robots in this JVM, each with its own firmware, simulated board"
                + " and MQTT client (its own client id, and the device-id claim of docs/protocol.md), learning from"
                + " a looped scenario and publishing telemetry to --broker: for load and hardware-in-the-loop labs.",
                "Prints the fleet's state every 10 s on stderr; stops after --seconds or on SIGINT/SIGTERM, then"
                        + " prints a summary."})
final class FleetCommand implements Callable<Integer> {

    private static final long REPORT_SECONDS = 10;

    @Option(names = "--count", required = true, description = "Devices, 1 to " + FleetSpec.MAX_COUNT + ".")
    int count;

    @Option(names = "--broker", required = true, description = "Broker URL, tcp://host:port or ssl://host:port"
            + " (mqtt:// and mqtts:// too).")
    String brokerUrl;

    @Option(names = "--id-prefix", defaultValue = "fleet", description = "Device ids are PREFIX-1 to PREFIX-COUNT"
            + " (default: ${DEFAULT-VALUE}).")
    String idPrefix;

    @Option(names = "--seconds", description = "Stop after this many seconds (default: run until a signal).")
    Long seconds;

    @Mixin
    FleetOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        requireValidOptions();
        FleetSpec fleetSpec = options.spec(spec, count, idPrefix);
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = stopOnSignal(stopping, closed);
        try (Fleet fleet = new Fleet(fleetSpec, options.scenario(), brokerUrl, options.transports(brokerUrl),
                new PrintWriter(Writer.nullWriter()))) {
            fleet.start(options.tickThreads());
            announce(fleetSpec, err);
            run(fleet, stopping, err);
            fleet.stopTicking();
            Fleet.Status status = fleet.status();
            report(status, spec.commandLine().getOut());
            return verdict(status, err);
        } finally {
            closed.countDown();
            ShutdownHooks.remove(hook);
        }
    }

    private void requireValidOptions() {
        BrokerOptions.requireValidUrl(spec, "--broker", brokerUrl);
        if (seconds != null && seconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be at least 1, got "
                    + seconds);
        }
    }

    /** A shutdown hook that asks the run to stop and waits until the fleet is closed. */
    private static Thread stopOnSignal(CountDownLatch stopping, CountDownLatch closed) {
        Thread hook = new Thread(() -> {
            stopping.countDown();
            awaitQuietly(closed);
        }, "aplysia-fleet-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private void announce(FleetSpec fleetSpec, PrintWriter err) {
        err.printf("fleet of %d devices (%s-1..%s-%d, 8 -> %d -> 4, %d ms samples of %d ms ticks, QoS %d) on %s;"
                        + " Ctrl-C stops it%n", count, idPrefix, idPrefix, count, options.features,
                fleetSpec.ticksPerSample() * fleetSpec.tickMillis(), fleetSpec.tickMillis(), options.qos,
                brokerUrl);
        err.flush();
    }

    /** Reports every 10 s until --seconds have passed or a signal came. */
    private void run(Fleet fleet, CountDownLatch stopping, PrintWriter err) throws InterruptedException {
        long end = seconds == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long lastPublished = 0;
        long lastNanos = System.nanoTime();
        while (true) {
            long wait = Math.min(TimeUnit.SECONDS.toNanos(REPORT_SECONDS), end - System.nanoTime());
            if (wait <= 0 || stopping.await(wait, TimeUnit.NANOSECONDS)) {
                return;
            }
            Fleet.Status status = fleet.status();
            long now = System.nanoTime();
            err.printf("fleet: %d/%d online, %.0f frames/s published, %d dropped, lag max %d ms%s%n", status.online(),
                    status.devices(), (status.published() - lastPublished) * 1e9 / (now - lastNanos),
                    status.dropped(), status.maxLagMillis(), problems(status));
            err.flush();
            lastPublished = status.published();
            lastNanos = now;
        }
    }

    /** Exit 1, saying why, if a device was not online at the end: its id was taken, or its link was down. */
    private static int verdict(Fleet.Status status, PrintWriter err) {
        if (status.online() == status.devices()) {
            return 0;
        }
        err.printf("aplysia: error: %d of %d devices were not online at the end%s%n",
                status.devices() - status.online(), status.devices(), problems(status));
        err.flush();
        return 1;
    }

    private static String problems(Fleet.Status status) {
        return (status.conflict() != null ? "; refused: " + status.conflict() : "")
                + (status.linkFailure() != null ? "; link: " + status.linkFailure() : "")
                + (status.lastError() != null ? "; error: " + status.lastError() : "");
    }

    private static void report(Fleet.Status status, PrintWriter out) {
        out.printf("fleet: %d devices, %d online at the end; %d frames queued, %d published, %d dropped in the"
                        + " devices' queues; %d samples learned; scenario expectations %d checked, %d not met%s;"
                        + " lag max %d ms; %d failed steps%s%n", status.devices(), status.online(), status.offered(),
                status.published(), status.dropped(), status.learned(), status.expectations(), status.failures(),
                status.firstFailure() == null ? "" : " (first: " + status.firstFailure() + ")",
                status.maxLagMillis(), status.errors(), problems(status));
        out.flush();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
