package dev.aplysia.device.telemetry;

import dev.aplysia.device.command.Ack;
import dev.aplysia.device.command.CommandProcessor;
import dev.aplysia.device.wire.FrameWriter;
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
 *   <li>Before announcing, on every connection, it makes sure no other live run holds the device id
 *       ({@link RunClaim}, on the retained {@code run} topic). If one does, it announces nothing, disconnects
 *       cleanly (no will, so the other run's {@code online} stands), reports {@link LinkHealth.Kind#CONFLICT} and
 *       {@link #conflict()} says why; frames and commands are no longer handled.</li>
 *   <li>It subscribes to the exact topic of each command the {@link CommandProcessor} knows, never to a wildcard, so
 *       the broker routes nothing else to the device: no topic anyone publishes under the device's tree can reach the
 *       client library (Paho 1.2.5's receive thread dies on a topic with a character outside the Basic Multilingual
 *       Plane). A command name the device does not know is therefore not answered.</li>
 *   <li>No round can stop the thread: an exception or error in one is reported as {@link LinkHealth.Kind#RESTARTED}
 *       and the loop goes on after a pause. What happens to the link ({@link #health()}) is published on
 *       {@code event/link} at QoS 1 once connected: {@code what}, {@code detail} and {@code count} after
 *       {@code seq}, {@code tick} (always -1: the link has no tick) and {@code ts} (milliseconds since start).</li>
 * </ul>
 */
public final class Publisher implements AutoCloseable {

    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long DISCONNECTED_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5_000;
    private static final long JOIN_MILLIS = 5_000;
    private static final long FAILED_ROUND_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The event type of link reports. */
    public static final String LINK_EVENT = "link";

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
    private final LinkHealth health = new LinkHealth();
    private final Claimant claimant;
    private final long startNanos = System.nanoTime();
    private long linkSeq;
    private long unansweredReported;
    private String[] channelTopics = new String[0];
    private boolean framePending;
    private Ack pendingAck;
    private volatile boolean everConnected;
    private long idleNanos = IDLE_NANOS;
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
        this.meta = meta.toJson(topics.deviceId(), commands.names());
        this.transport = transport;
        this.frame = new Frame(telemetry.queue().slotBytes());
        this.claimant = new Claimant(topics, transport, new RunClaim(), health);
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
     * Makes the thread idle {@code nanos} (instead of 1 ms) when it finds nothing to do, woken at once by a queued
     * frame ({@link TelemetryQueue#wakeOnOffer}): a host running hundreds of devices cannot afford a thousand
     * wake-ups a second for each; acks, link events and the claim's rounds wait up to that long.
     *
     * @throws IllegalStateException if already started
     */
    public synchronized void idleFor(long nanos) {
        if (thread != null) {
            throw new IllegalStateException("set the idle time before starting the publisher");
        }
        if (nanos <= 0) {
            throw new IllegalArgumentException("idle time must be positive, got " + nanos + " ns");
        }
        idleNanos = nanos;
    }

    /**
     * Subscribes to the topic of each known command and to the announcements' requests, and starts the publisher
     * thread, which connects.
     *
     * @throws TransportException if the transport refuses a subscription
     * @throws IllegalStateException if already started
     */
    public synchronized void start() throws TransportException {
        if (thread != null) {
            throw new IllegalStateException("publisher already started");
        }
        for (String name : commands.names()) {
            transport.subscribe(topics.command(name), this::onCommand);
        }
        for (Announcement announcement : announcements) {
            subscribeToRequests(announcement);
        }
        claimant.subscribe();
        running = true;
        thread = new Thread(this::run, "aplysia-publisher-" + topics.deviceId());
        thread.setDaemon(true);
        telemetry.queue().wakeOnOffer(thread);
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

    /** Why this run stopped publishing because another run holds the device id, or null. */
    public String conflict() {
        return claimant.conflict();
    }

    /** What has happened to the link: counts per kind, and listeners (add them before {@link #start()}). */
    public LinkHealth health() {
        return health;
    }

    /**
     * A message on a command topic, taken only while this run holds the device id (a run that is still probing, or
     * that found another run holding the id, leaves the commands to that run); anything else is counted.
     */
    private void onCommand(String topic, byte[] payload) {
        Topics.Address address = topics.parse(topic);
        if (address == null || address.kind() != Topics.Kind.COMMAND) {
            health.report(LinkHealth.Kind.IGNORED, "a message on " + topic + ", which is not a command topic");
        } else if (!claimant.holds()) {
            health.report(LinkHealth.Kind.IGNORED, "a command on " + topic + " before this run held the device id");
        } else {
            commands.accept(address.name(), payload);
        }
    }

    private void run() {
        long retryMillis = FIRST_RETRY_MILLIS;
        while (running) {
            try {
                retryMillis = round(retryMillis);
            } catch (RuntimeException | Error e) {
                health.report(LinkHealth.Kind.RESTARTED, "a publisher round failed (" + e + "); the publisher"
                        + " goes on" + dropSuspects());
                LockSupport.parkNanos(FAILED_ROUND_NANOS);
            }
        }
    }

    /**
     * After a round failed with something other than a transport failure, the frame and ack it held are dropped,
     * so that a message that makes the client library throw every time cannot stall the queue behind it.
     */
    private String dropSuspects() {
        String dropped = (framePending ? ", dropping the frame it was publishing" : "")
                + (pendingAck != null ? ", dropping the ack of " + pendingAck.command() : "");
        framePending = false;
        pendingAck = null;
        return dropped;
    }

    /** Connects, waits for the transport, or does one round of work; returns the next first-connection delay. */
    private long round(long retryMillis) {
        if (claimant.conflict() != null) {
            LockSupport.parkNanos(DISCONNECTED_NANOS);
        } else if (!everConnected && !transport.isConnected()) {
            if (!connect()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(retryMillis));
                return Math.min(2 * retryMillis, MAX_RETRY_MILLIS);
            }
        } else if (!transport.isConnected()) {
            LockSupport.parkNanos(DISCONNECTED_NANOS);
        } else if (!doWork()) {
            LockSupport.parkNanos(idleNanos);
        }
        return retryMillis;
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
                    claimant.disconnected();
                    failures.incrementAndGet();
                    health.report(LinkHealth.Kind.LOST, "the connection dropped: " + cause);
                }

                @Override
                public void restarted(String what) {
                    claimant.disconnected();
                    health.report(LinkHealth.Kind.RESTARTED, what);
                }
            });
            return true;
        } catch (TransportException e) {
            failures.incrementAndGet();
            health.report(LinkHealth.Kind.CONNECT_FAILED, e.getMessage());
            return false;
        }
    }

    /** Also when a first attempt that {@code connect} gave up on completes after all. */
    private void onConnected() {
        claimant.connected();
        everConnected = true;
        long count = connections.incrementAndGet();
        health.report(LinkHealth.Kind.CONNECTED, count == 1 ? "connected" : "connected again (connection " + count
                + ")");
        requestAnnouncement();
    }

    private void requestAnnouncement() {
        announce = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /**
     * One round: the claim's step; once the run holds the id, announce if due, one link event, one ack, one frame.
     * False if there was nothing to do or it failed.
     */
    private boolean doWork() {
        try {
            boolean worked = claimant.round();
            if (!claimant.holds()) {
                return worked;
            }
            worked |= announce();
            reportUnanswered();
            worked |= publishLinkEvent();
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

    /** Commands the processor could not answer at all are a link event, however rare. */
    private void reportUnanswered() {
        long unanswered = commands.unanswered();
        if (unanswered > unansweredReported) {
            health.report(LinkHealth.Kind.UNANSWERED, (unanswered - unansweredReported) + " commands got no answer:"
                    + " every answer room was owed (" + unanswered + " since start)");
            unansweredReported = unanswered;
        }
    }

    private boolean publishLinkEvent() throws TransportException {
        LinkHealth.Event event = health.nextToPublish();
        if (event == null) {
            return false;
        }
        FrameWriter json = new FrameWriter(256 + 6 * event.detail().length());
        json.begin().field("seq", linkSeq).field("tick", -1).field("ts", telemetry.epochMillis())
                .field("uptime_ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos))
                .field("what", event.kind().wireName()).field("detail", event.detail()).field("count", event.count());
        boolean sent = false;
        try {
            transport.publish(topics.event(LINK_EVENT), json.end().toByteArray(), 1, false);
            sent = true;
        } finally {
            if (!sent) {
                health.retry(event);
            }
        }
        linkSeq++;
        return true;
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
        if (transport.isConnected() && claimant.conflict() == null) {
            try {
                transport.publish(topics.status(), Topics.OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true);
            } catch (TransportException e) {
                failures.incrementAndGet();
            }
        }
        transport.close();
    }
}
