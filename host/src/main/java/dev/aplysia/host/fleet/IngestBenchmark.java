package dev.aplysia.host.fleet;

import dev.aplysia.device.telemetry.Publisher;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.TransportException;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.Scenario;
import dev.aplysia.host.collect.FleetCollector;
import dev.aplysia.host.collect.FrameLedger;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;

/**
 * One step of the ingest benchmark: a fleet publishing through a broker into the host's {@link FleetCollector}s,
 * measured over a window once every device is online. Latency is from each frame's {@code ts} to its handling by a
 * collector; losses are counted three ways: the frames the devices queued that no collector handled, the gaps in
 * {@code seq} of the union of the collectors ({@link FrameLedger}), and the frames dropped in the devices' full
 * queues. After the window the fleet stops ticking and its queues drain before anything is counted.
 */
public final class IngestBenchmark {

    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final String LINK_EVENTS = "/event/" + Publisher.LINK_EVENT;

    /** Opens the transport of collector {@code index} (0-based) of {@code count}. */
    @FunctionalInterface
    public interface Collectors {
        /** The transport of collector {@code index}: a persistent session with a fixed client id when shared. */
        Transport open(int index, int count) throws TransportException;
    }

    private final String url;
    private final Fleet.Transports devices;
    private final Collectors collectors;
    private final PrintWriter progress;

    /**
     * @param url        the broker, for the devices' reports
     * @param devices    opens each device's client
     * @param collectors opens each collector's client
     * @param progress   where the steps' progress goes (stderr)
     */
    public IngestBenchmark(String url, Fleet.Transports devices, Collectors collectors, PrintWriter progress) {
        this.url = url;
        this.devices = devices;
        this.collectors = collectors;
        this.progress = progress;
    }

    /**
     * Runs {@code spec}'s fleet for {@code seconds} of measurement into {@code collectorCount} collectors (more than
     * one: a shared subscription group, {@code ingest}).
     *
     * @throws IllegalStateException if the fleet is not all online within a minute
     */
    public Result run(FleetSpec spec, Scenario scenario, int tickThreads, int collectorCount, long seconds)
            throws HalException, TransportException, InterruptedException {
        FrameLedger ledger = new FrameLedger();
        List<FleetCollector> hosts = new ArrayList<>();
        try {
            for (int k = 0; k < collectorCount; k++) {
                FleetCollector host = new FleetCollector(Topics.DEFAULT_PREFIX,
                        collectorCount > 1 ? "ingest" : null, collectors.open(k, collectorCount), ledger);
                hosts.add(host);
                host.start();
            }
            try (Fleet fleet = new Fleet(spec, scenario, url, devices, new PrintWriter(Writer.nullWriter()))) {
                fleet.start(tickThreads);
                awaitOnline(fleet, spec.count());
                return measure(spec, fleet, hosts, ledger, seconds);
            }
        } finally {
            hosts.forEach(FleetCollector::close);
        }
    }

    private void awaitOnline(Fleet fleet, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (fleet.online() < count) {
            if (System.nanoTime() > deadline) {
                Fleet.Status status = fleet.status();
                throw new IllegalStateException("only " + status.online() + " of " + count + " devices came online"
                        + " within a minute" + (status.linkFailure() == null ? "" : "; " + status.linkFailure())
                        + (status.conflict() == null ? "" : "; " + status.conflict()));
            }
            TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
        }
        progress.printf("ingest: %d devices online%n", count);
        progress.flush();
    }

    private Result measure(FleetSpec spec, Fleet fleet, List<FleetCollector> hosts, FrameLedger ledger, long seconds)
            throws InterruptedException {
        Predicate<String> fleetStreams = key -> key.startsWith(spec.idPrefix() + "-") && !key.endsWith(LINK_EVENTS);
        TimeUnit.NANOSECONDS.sleep(SETTLE_NANOS);
        hosts.forEach(FleetCollector::resetLatency);
        fleet.resetLag();
        long before = ledger.distinct(fleetStreams);
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        long handled = ledger.distinct(fleetStreams) - before;
        double elapsed = (System.nanoTime() - start) / 1e9;
        long lag = fleet.status().maxLagMillis();
        fleet.stopTicking();
        awaitDrained(fleet, ledger, fleetStreams);
        Fleet.Status status = fleet.status();
        Histogram latency = new Histogram(FleetCollector.MAX_LATENCY_MICROS, 3);
        long beyond = 0;
        long gaps = 0;
        for (FleetCollector host : hosts) {
            FleetCollector.Ingest ingest = host.ingest();
            latency.add(ingest.latency());
            beyond += ingest.beyondRange();
            gaps += hosts.size() == 1 ? ingest.missing() : 0;
        }
        long distinct = ledger.distinct(fleetStreams);
        return new Result(spec, hosts.size(), elapsed, handled / elapsed, latency, beyond, status.offered(),
                distinct, status.offered() - distinct, status.dropped(),
                hosts.size() == 1 ? gaps : ledger.missing(fleetStreams), ledger.duplicates(fleetStreams), lag);
    }

    /** Waits until the devices' queues are empty and nothing more has arrived for a second. */
    private static void awaitDrained(Fleet fleet, FrameLedger ledger, Predicate<String> streams)
            throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_NANOS;
        long seen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = ledger.distinct(streams);
            if (now != seen || fleet.queued() > 0) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > QUIET_NANOS) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
        }
    }

    /**
     * What one step measured.
     *
     * @param collectors  collectors sharing the fleet's telemetry
     * @param seconds     the window's length
     * @param perSecond   distinct frames handled per second in the window
     * @param latency     microseconds from {@code ts} to handling, from the window's start until drained
     * @param beyondRange latencies over a minute, not in the histogram
     * @param offered     frames the devices queued since boot
     * @param distinct    of these, frames some collector handled
     * @param lost        {@code offered - distinct}
     * @param dropped     of the lost, frames dropped in the devices' full queues
     * @param missing     gaps in {@code seq}: the one collector's gap detection, or the union's with several
     * @param duplicates  frames handled more than once
     * @param lagMillis   the furthest a tick thread fell behind real time in the window
     */
    public record Result(FleetSpec spec, int collectors, double seconds, double perSecond, Histogram latency,
                         long beyondRange, long offered, long distinct, long lost, long dropped, long missing,
                         long duplicates, long lagMillis) {

        /** The latency at {@code percentile}, in milliseconds. */
        public double latencyMillis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }

        /** The largest latency, in milliseconds (a minute and more if any was beyond the histogram). */
        public double maxLatencyMillis() {
            return beyondRange > 0 ? FleetCollector.MAX_LATENCY_MICROS / 1000.0 : latency.getMaxValue() / 1000.0;
        }

        /** True if the step holds the floor: p99 under {@code p99Millis} and nothing lost. */
        public boolean holds(double p99Millis) {
            return latencyMillis(99) < p99Millis && lost == 0 && beyondRange == 0;
        }
    }
}
