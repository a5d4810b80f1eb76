package dev.aplysia.device.telemetry;

import dev.aplysia.device.command.Ack;
import dev.aplysia.device.command.CommandProcessor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The publisher thread: owns the {@link Transport}, drains the {@link TelemetryQueue} to it in order, publishes command
 * acks, and passes arriving commands to the {@link CommandProcessor}.
 *
 * <ul>
 *   <li>Until the first connection succeeds it retries, waiting 100 ms doubling to 5 s between attempts; after that
 *       the transport reconnects by itself.</li>
 *   <li>On every (re)connection it publishes {@code status} = {@value Topics#ONLINE} and {@code meta}, then the
 *       messages of every {@link Announcement} added, all retained at QoS 1 (retained messages at QoS 0 are not
 *       stored by every broker); it announces again when an announcement's request arrives. The Last Will is
 *       {@code status} = {@value Topics#OFFLINE}, retained, QoS 1.</li>
 *   <li>While the broker is away, frames stay in the queue (which drops the oldest when full); after reconnection
 *       the rest are delivered in order. A frame whose publish failed is retried before any later one.</li>
 *   <li>{@link #close()} publishes {@value Topics#OFFLINE} itself, since a clean disconnect sends no will.</li>
 * </ul>
 */
public final class Publisher implements AutoCloseable {

    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long DISCONNECTED_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5_000;
    private static final long JOIN_MILLIS = 5_000;

    private final Topics topics;
    private final Telemetry telemetry;
    private final CommandProcessor commands;
    private final byte[] meta;
    private final Transport transport;
    private final Frame frame;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final List<Announcement> announcements = new ArrayList<>();
    private String[] channelTopics = new String[0];
    private boolean framePending;
    private Ack pendingAck;
    private boolean everConnected;
    private volatile boolean announce;
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * A publisher for one device; {@link #start()} it after registering every {@link Telemetry} channel.
     *
     * @param transport owned by the publisher from now on: {@link #close()} closes it
     */
    public Publisher(Topics topics, Telemetry telemetry, CommandProcessor commands, DeviceMeta meta,
                     Transport transport) {
        this.topics = topics;
        this.telemetry = telemetry;
        this.commands = commands;
        this.meta = meta.toJson(topics.deviceId());
        this.transport = transport;
        this.frame = new Frame(telemetry.queue().slotBytes());
    }

    /**
     * Adds retained messages to announce on every connection, after {@code status} and {@code meta}.
     *
     * @throws IllegalStateException if already started
     */
    public synchronized void announceAlso(Announcement announcement) {
        if (thread != null) {
            throw new IllegalStateException("add announcements before starting the publisher");
        }
        announcements.add(announcement);
    }

    /**
     * Subscribes to the device's commands and to the announcements' requests, and starts the publisher thread, which
     * connects.
     *
     * @throws TransportException if the transport refuses the subscription
     * @throws IllegalStateException if already started
     */
    public synchronized void start() throws TransportException {
        if (thread != null) {
            throw new IllegalStateException("publisher already started");
        }
        transport.subscribe(topics.commands(), this::onCommand);
        for (Announcement announcement : announcements) {
            subscribeToRequests(announcement);
        }
        running = true;
        thread = new Thread(this::run, "aplysia-publisher-" + topics.deviceId());
        thread.setDaemon(true);
        thread.start();
    }

    /** True while the transport is connected. */
    public boolean isConnected() {
        return transport.isConnected();
    }

    /** Frames published, since start. */
    public long published() {
        return published.get();
    }

    /** Failed connection attempts, failed publishes and lost connections, since start. */
    public long failures() {
        return failures.get();
    }

    /** Connections made, the first one included, since start. */
    public long connections() {
        return connections.get();
    }

    private void subscribeToRequests(Announcement announcement) throws TransportException {
        if (announcement.requestFilter() == null) {
            return;
        }
        transport.subscribe(announcement.requestFilter(), (topic, payload) -> {
            if (announcement.isRequest(topic, payload)) {
                requestAnnouncement();
            }
        });
    }

    private void onCommand(String topic, byte[] payload) {
        Topics.Address address = topics.parse(topic);
        if (address != null && address.kind() == Topics.Kind.COMMAND) {
            commands.accept(address.name(), payload);
        }
    }

    private void run() {
        long retryMillis = FIRST_RETRY_MILLIS;
        while (running) {
            if (!everConnected) {
                if (!connect()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(retryMillis));
                    retryMillis = Math.min(2 * retryMillis, MAX_RETRY_MILLIS);
                }
            } else if (!transport.isConnected()) {
                LockSupport.parkNanos(DISCONNECTED_NANOS);
            } else if (!doWork()) {
                LockSupport.parkNanos(IDLE_NANOS);
            }
        }
    }

    private boolean connect() {
        try {
            transport.connect(LastWill.offline(topics), new Transport.ConnectionListener() {
                @Override
                public void connected(boolean reconnect) {
                    onConnected();
                }

                @Override
                public void connectionLost(Throwable cause) {
                    failures.incrementAndGet();
                }
            });
            everConnected = true;
            return true;
        } catch (TransportException e) {
            failures.incrementAndGet();
            return false;
        }
    }

    private void onConnected() {
        connections.incrementAndGet();
        requestAnnouncement();
    }

    private void requestAnnouncement() {
        announce = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** One round: announce if due, one ack, one frame. False if there was nothing to do or it failed. */
    private boolean doWork() {
        try {
            boolean worked = announce();
            worked |= publishAck();
            worked |= publishFrame();
            return worked;
        } catch (TransportException e) {
            failures.incrementAndGet();
            return false;
        }
    }

    private boolean announce() throws TransportException {
        if (!announce) {
            return false;
        }
        announce = false;
        try {
            transport.publish(topics.status(), Topics.ONLINE.getBytes(StandardCharsets.UTF_8), 1, true);
            transport.publish(topics.meta(), meta.clone(), 1, true);
            publishAnnouncements();
        } catch (TransportException e) {
            announce = true;
            throw e;
        }
        return true;
    }

    private void publishAnnouncements() throws TransportException {
        for (Announcement announcement : announcements) {
            for (Announcement.Message message : announcement.messages()) {
                transport.publish(message.topic(), message.payload(), 1, true);
            }
        }
    }

    private boolean publishAck() throws TransportException {
        if (pendingAck == null) {
            pendingAck = commands.nextAck();
        }
        if (pendingAck == null) {
            return false;
        }
        transport.publish(topics.ack(pendingAck.command()), pendingAck.toJson(), 1, false);
        pendingAck = null;
        return true;
    }

    private boolean publishFrame() throws TransportException {
        if (!framePending) {
            framePending = telemetry.queue().poll(frame);
        }
        if (!framePending) {
            return false;
        }
        FrameChannel channel = telemetry.channel(frame.channel());
        transport.publish(topicOf(channel), frame.copyPayload(), channel.qos(), channel.retained());
        framePending = false;
        published.incrementAndGet();
        return true;
    }

    private String topicOf(FrameChannel channel) {
        if (channel.id() >= channelTopics.length) {
            String[] grown = Arrays.copyOf(channelTopics, channel.id() + 1);
            for (int i = channelTopics.length; i < grown.length; i++) {
                grown[i] = topics.root() + telemetry.channel(i).topicSuffix();
            }
            channelTopics = grown;
        }
        return channelTopics[channel.id()];
    }

    /**
     * Stops the thread (frames still queued are not sent), publishes {@code status} = {@value Topics#OFFLINE} if
     * connected, and closes the transport. Idempotent.
     */
    @Override
    public synchronized void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (transport.isConnected()) {
            try {
                transport.publish(topics.status(), Topics.OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true);
            } catch (TransportException e) {
                failures.incrementAndGet();
            }
        }
        transport.close();
    }
}
