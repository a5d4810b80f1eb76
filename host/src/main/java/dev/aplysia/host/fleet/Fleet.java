package dev.aplysia.host.fleet;

import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.TransportException;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link FleetSpec#count()} simulated devices in this JVM, each with its own firmware, board and MQTT client, moved
 * through real time by a few tick threads rather than one thread each: every {@value #STEP_MILLIS} ms of wall time,
 * a tick thread runs the next {@value #STEP_MILLIS} ms of each of its devices (their ticks and their scenarios). A
 * thread that falls behind runs its steps back to back to catch up, and the lag is reported
 * ({@link Status#maxLagMillis()}): a fleet too large for the machine shows as lag, not as a silently slower clock.
 * Each device's publisher thread sends its frames as they are queued.
 */
public final class Fleet implements AutoCloseable {

    /** Board time each tick thread moves its devices by per step. */
    public static final int STEP_MILLIS = 5;
    private static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(STEP_MILLIS);
    private static final int CLOSERS = 64;

    private final FleetSpec spec;
    private final List<FleetDevice> devices = new ArrayList<>();
    private final List<Thread> tickThreads = new ArrayList<>();
    private final AtomicLong maxLagNanos = new AtomicLong();
    private volatile boolean ticking;

    /** Opens the transport of a device, a client of the fleet's broker with a client id of the device's own. */
    @FunctionalInterface
    public interface Transports {
        /** The transport of device {@code deviceId}, not yet connected. */
        Transport open(String deviceId) throws TransportException;
    }

    /**
     * Builds the devices (nothing connects yet), looping {@code scenario} on each.
     *
     * @param url for the devices' link reports
     * @param err where the devices' links report; a fleet passes a quiet writer and reports through {@link #status()}
     */
    public Fleet(FleetSpec spec, Scenario scenario, String url, Transports transports, PrintWriter err)
            throws HalException, TransportException {
        this.spec = spec;
        BoardConfig wiring = board();
        for (int i = 0; i < spec.count(); i++) {
            devices.add(new FleetDevice(spec, i, wiring, scenario, url, transports.open(spec.deviceId(i)), err));
        }
    }

    /** The fleet's board config: the learning robot of {@code examples/robot.board} without significance. */
    public static BoardConfig board() throws HalException {
        return BoardConfig.parse("fleet.board", resource("fleet.board"));
    }

    /** The scenario a fleet loops unless told otherwise: two situations, each taught for a second. */
    public static Scenario defaultScenario() throws HalException {
        return Scenario.parse("fleet.scenario", resource("fleet.scenario"));
    }

    private static String resource(String name) {
        try (InputStream in = Fleet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the host jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Boots every device, starts its link, and starts {@code threads} tick threads, device {@code i} on thread
     * {@code i mod threads}. Devices are phased across a sample period.
     */
    public void start(int threads) throws HalException, TransportException {
        if (threads < 1) {
            throw new IllegalArgumentException("--tick-threads must be at least 1, got " + threads);
        }
        long period = spec.tickNanos() * spec.ticksPerSample();
        for (int i = 0; i < devices.size(); i++) {
            long phase = period * i / devices.size() / STEP_NANOS * STEP_NANOS;
            devices.get(i).start(phase);
        }
        ticking = true;
        for (int t = 0; t < Math.min(threads, devices.size()); t++) {
            List<FleetDevice> mine = new ArrayList<>();
            for (int i = t; i < devices.size(); i += threads) {
                mine.add(devices.get(i));
            }
            Thread thread = new Thread(() -> tick(mine), "aplysia-fleet-tick-" + t);
            thread.setDaemon(true);
            tickThreads.add(thread);
            thread.start();
        }
    }

    private void tick(List<FleetDevice> mine) {
        long next = System.nanoTime();
        while (ticking) {
            for (FleetDevice device : mine) {
                device.advance(STEP_NANOS);
            }
            next += STEP_NANOS;
            long lag = System.nanoTime() - next;
            if (lag > 0) {
                maxLagNanos.accumulateAndGet(lag, Math::max);
            } else {
                LockSupport.parkNanos(-lag);
            }
        }
    }

    /** Stops the tick threads after their current step; the links stay up and deliver what is queued. */
    public void stopTicking() throws InterruptedException {
        ticking = false;
        for (Thread thread : tickThreads) {
            thread.join();
        }
    }

    /** Forgets the lag so far: a measurement starts now. */
    public void resetLag() {
        maxLagNanos.set(0);
    }

    /**
     * Devices connected that hold their ids and have published telemetry (a publisher sends frames only once its run
     * holds the id); the rest are connecting, claiming or refused.
     */
    public int online() {
        return (int) devices.stream().filter(d -> d.publisher().isConnected() && d.publisher().conflict() == null
                && d.publisher().published() > 0).count();
    }

    /** Frames still waiting in the devices' queues. */
    public long queued() {
        return devices.stream().mapToLong(FleetDevice::queued).sum();
    }

    /** The fleet's counters now; the scenario figures are exact once the tick threads have stopped. */
    public Status status() {
        long expectations = 0;
        long failures = 0;
        String firstFailure = null;
        String lastError = null;
        String conflict = null;
        String linkFailure = null;
        for (FleetDevice d : devices) {
            expectations += d.scenario().expectations();
            failures += d.scenario().failures();
            if (firstFailure == null && d.scenario().firstFailure() != null) {
                firstFailure = d.id() + ": " + d.scenario().firstFailure();
            }
            lastError = d.lastError() != null ? d.lastError() : lastError;
            conflict = d.publisher().conflict() != null ? d.publisher().conflict() : conflict;
            linkFailure = d.publisher().health().lastFailure() != null ? d.id() + ": "
                    + d.publisher().health().lastFailure() : linkFailure;
        }
        return new Status(devices.size(), online(), devices.stream().mapToLong(FleetDevice::offered).sum(),
                devices.stream().mapToLong(d -> d.publisher().published()).sum(),
                devices.stream().mapToLong(FleetDevice::dropped).sum(), queued(),
                devices.stream().mapToLong(FleetDevice::learned).sum(),
                TimeUnit.NANOSECONDS.toMillis(maxLagNanos.get()), devices.stream().mapToLong(FleetDevice::errors).sum(),
                lastError, conflict, linkFailure, expectations, failures, firstFailure);
    }

    /**
     * Stops ticking, then closes every device's link (each publishes {@code offline}), {@value #CLOSERS} at a time:
     * a link's close waits for the broker, and one after another they would take minutes for a large fleet.
     */
    @Override
    public void close() throws InterruptedException {
        stopTicking();
        ExecutorService closers = Executors.newFixedThreadPool(CLOSERS, r -> {
            Thread t = new Thread(r, "aplysia-fleet-close");
            t.setDaemon(true);
            return t;
        });
        devices.forEach(device -> closers.execute(device::close));
        closers.shutdown();
        closers.awaitTermination(1, TimeUnit.MINUTES);
    }

    /**
     * A fleet's counters.
     *
     * @param devices      devices in the fleet
     * @param online       devices connected and holding their ids
     * @param offered      frames the devices queued since boot (telemetry, health and events)
     * @param published    frames the publishers handed to the broker (acknowledged, at QoS 1)
     * @param dropped      frames lost in the devices' full queues
     * @param queued       frames waiting in the queues
     * @param learned      samples learned, over all devices
     * @param maxLagMillis the furthest a tick thread fell behind real time since the last reset
     * @param errors       failed steps (a scenario line or the firmware threw)
     * @param lastError    the last of them, or null
     * @param conflict     why a device refused to start (its id held by another run), or null
     * @param linkFailure  a device's last connection failure, or null
     * @param expectations scenario expectations checked
     * @param failures     scenario expectations not met
     * @param firstFailure the first not met, or null
     */
    public record Status(int devices, int online, long offered, long published, long dropped, long queued,
                         long learned, long maxLagMillis, long errors, String lastError, String conflict,
                         String linkFailure, long expectations, long failures, String firstFailure) {
    }
}
