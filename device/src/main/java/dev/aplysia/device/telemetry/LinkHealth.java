package dev.aplysia.device.telemetry;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What happened to a device's link to the broker: a count per kind of {@link Event}, the listeners told about each
 * (the command line prints them), and the events still to be published on {@code event/link} once connected.
 *
 * <p>Repeated connection failures with the same reason are one event: the first is reported, the repeats are only
 * counted, so a broker that stays away for an hour does not fill stderr or the queue. At most
 * {@value #PENDING_CAPACITY} events wait for publication; beyond that the oldest is dropped and counted in
 * {@link #eventsDropped()}. Thread safe: events come from the publisher thread and the transport's threads.
 */
public final class LinkHealth {

    private static final System.Logger LOG = System.getLogger(LinkHealth.class.getName());
    /** Events kept for {@code event/link} while the broker is away. */
    public static final int PENDING_CAPACITY = 32;

    /** What can happen to a link. */
    public enum Kind {
        /** A connection attempt failed: unreachable, refused, bad credentials, TLS, no answer. */
        CONNECT_FAILED("connect-failed"),
        /** The broker accepted the connection and every subscription is active. */
        CONNECTED("connected"),
        /** An established connection dropped; the transport reconnects. */
        LOST("lost"),
        /** A dead receive or publish path (a client-library thread, the publisher's loop) was found and restarted. */
        RESTARTED("restarted"),
        /** A message arrived on a topic of the device that is not one of its commands; it was ignored. */
        IGNORED("ignored"),
        /** Commands arrived while every answer was owed, so could not be answered at all (not even {@code busy}). */
        UNANSWERED("unanswered"),
        /** Another run holds the device id on this broker; this one stops (see {@link RunClaim}). */
        CONFLICT("conflict");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** The {@code what} field of the {@code event/link} frame. */
        public String wireName() {
            return wireName;
        }
    }

    /**
     * One thing that happened.
     *
     * @param detail in plain words, naming the broker URL where it matters
     * @param count  how many events of this kind so far, this one included
     */
    public record Event(Kind kind, String detail, long count) {
        public Event {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Told about every event as it happens, on the thread that found it; must return quickly. */
    @FunctionalInterface
    public interface Listener {
        /** {@code event} happened. */
        void onEvent(Event event);
    }

    private final Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    private final ArrayDeque<Event> pending = new ArrayDeque<>();
    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private String lastFailure;
    private long eventsDropped;

    /** Adds a listener for events from now on. */
    public void listen(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Records an event. A {@link Kind#CONNECT_FAILED} with the same detail as the previous failure (and no
     * connection between them) is only counted. {@link Kind#IGNORED} is counted, not published one by one: there may
     * be thousands.
     */
    public void report(Kind kind, String detail) {
        Event event;
        synchronized (this) {
            long count = counts.merge(kind, 1L, Long::sum);
            if (kind == Kind.CONNECT_FAILED && detail.equals(lastFailure)) {
                return;
            }
            lastFailure = kind == Kind.CONNECT_FAILED ? detail : kind == Kind.CONNECTED ? null : lastFailure;
            event = new Event(kind, detail, count);
            if (kind != Kind.IGNORED) {
                queue(event);
            }
        }
        for (Listener listener : listeners) {
            tell(listener, event);
        }
    }

    /** A listener that throws is the listener's problem: the thread that found the event goes on. */
    private static void tell(Listener listener, Event event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a link listener failed on " + event + ": " + e);
        }
    }

    private void queue(Event event) {
        if (pending.size() == PENDING_CAPACITY) {
            pending.removeFirst();
            eventsDropped++;
        }
        pending.addLast(event);
    }

    /** The oldest event not yet published, or null. */
    synchronized Event nextToPublish() {
        return pending.pollFirst();
    }

    /** Puts back an event whose publication failed, to be tried first next time. */
    synchronized void retry(Event event) {
        if (pending.size() < PENDING_CAPACITY) {
            pending.addFirst(event);
        }
    }

    /** Events of {@code kind} since start (repeated connection failures included). */
    public synchronized long count(Kind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** Events dropped unpublished because {@value #PENDING_CAPACITY} were already waiting. */
    public synchronized long eventsDropped() {
        return eventsDropped;
    }

    /** The reason of the latest connection failure not followed by a connection, or null. */
    public synchronized String lastFailure() {
        return lastFailure;
    }
}
