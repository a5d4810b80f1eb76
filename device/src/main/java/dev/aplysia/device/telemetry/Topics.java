package dev.aplysia.device.telemetry;

import dev.aplysia.device.wire.Names;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The topic tree of one device, under a prefix ({@value #DEFAULT_PREFIX} by default):
 *
 * <pre>
 * {prefix}{deviceId}/status             retained, "online" / "offline" (the Last Will)
 * {prefix}{deviceId}/run                retained {"run":nonce}: which run holds the id; probes {"probe":nonce}
 * {prefix}{deviceId}/meta               retained JSON: schema, firmware, formats, network, MCU profile
 * {prefix}{deviceId}/telemetry/{stream} flat JSON frames with seq, tick, ts
 * {prefix}{deviceId}/event/{type}       flat JSON frames with seq, tick, ts
 * {prefix}{deviceId}/cmd/{name}         commands to the device
 * {prefix}{deviceId}/cmd/{name}/ack     the device's answer to each command
 * </pre>
 *
 * Device ids, stream names, event types and command names follow {@link Names}. See {@code docs/protocol.md}.
 */
public final class Topics {

    /** The prefix used when none is given; the {@code v1} names the protocol version. */
    public static final String DEFAULT_PREFIX = "aplysia/v1/";
    /** The {@code status} payload while the device is connected. */
    public static final String ONLINE = "online";
    /** The {@code status} payload after a clean shutdown, and the Last Will. */
    public static final String OFFLINE = "offline";
    private static final Pattern PREFIX = Pattern.compile("([^/+#\\x00]+/)*");
    private static final String TELEMETRY = "telemetry/";
    private static final String EVENT = "event/";
    private static final String COMMAND = "cmd/";
    private static final String ACK = "/ack";

    private final String deviceId;
    private final String root;

    /**
     * The tree of {@code deviceId} under {@code prefix}.
     *
     * @param prefix   empty, or topic levels each ending in {@code /}, without wildcards ({@code aplysia/v1/})
     * @param deviceId 1 to 64 of {@code A-Z a-z 0-9 _ -}
     * @throws IllegalArgumentException saying what a valid prefix or device id looks like
     */
    public Topics(String prefix, String deviceId) {
        Objects.requireNonNull(prefix, "prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("invalid topic prefix '" + prefix
                    + "': use topic levels each ending in '/', without '+', '#' or empty levels");
        }
        this.deviceId = Names.require("device id", deviceId);
        this.root = prefix + deviceId + "/";
    }

    /** The tree of {@code deviceId} under {@value #DEFAULT_PREFIX}. */
    public static Topics of(String deviceId) {
        return new Topics(DEFAULT_PREFIX, deviceId);
    }

    /** The device id. */
    public String deviceId() {
        return deviceId;
    }

    /** {@code {prefix}{deviceId}/}: every topic of the device starts with it. */
    public String root() {
        return root;
    }

    /** The retained online/offline topic. */
    public String status() {
        return root + "status";
    }

    /** The retained claim of the run that holds the device id, and the probes of runs starting ({@link RunClaim}). */
    public String run() {
        return root + "run";
    }

    /** The retained description of the device. */
    public String meta() {
        return root + "meta";
    }

    /** The topic of a telemetry stream. */
    public String telemetry(String stream) {
        return root + telemetrySuffix(stream);
    }

    /** The topic of an event type. */
    public String event(String type) {
        return root + eventSuffix(type);
    }

    /** The topic the device listens on for command {@code name}. */
    public String command(String name) {
        return root + COMMAND + Names.require("command name", name);
    }

    /**
     * The filters matching everything the device publishes and nothing sent to it: {@code status}, {@code meta},
     * {@code telemetry/+}, {@code event/+} and {@code cmd/+/ack}. A collector subscribing to these, rather than to
     * {@code {root}#}, never receives commands (nor anything else published under the tree).
     */
    public List<String> published() {
        return List.of(status(), meta(), root + TELEMETRY + "+", root + EVENT + "+", root + COMMAND + "+" + ACK);
    }

    /**
     * The topic of the answers to command {@code name}. Any single topic level is accepted, so that a command
     * arriving under a name the device does not know can still be answered.
     */
    public String ack(String name) {
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('+') >= 0 || name.indexOf('#') >= 0) {
            throw new IllegalArgumentException("invalid command topic level '" + name + "'");
        }
        return root + COMMAND + name + ACK;
    }

    /** {@code telemetry/{stream}}, the part of a stream's topic after the root. */
    static String telemetrySuffix(String stream) {
        return TELEMETRY + Names.require("stream name", stream);
    }

    /** {@code event/{type}}, the part of an event's topic after the root. */
    static String eventSuffix(String type) {
        return EVENT + Names.require("event type", type);
    }

    /**
     * Where a topic of this device points.
     *
     * @return the address, or null if the topic is not one of this device's topics
     */
    public Address parse(String topic) {
        if (!topic.startsWith(root)) {
            return null;
        }
        String rest = topic.substring(root.length());
        if (rest.equals("status")) {
            return new Address(Kind.STATUS, "");
        }
        if (rest.equals("meta")) {
            return new Address(Kind.META, "");
        }
        if (rest.equals("run")) {
            return new Address(Kind.RUN, "");
        }
        if (rest.startsWith(TELEMETRY)) {
            return level(Kind.TELEMETRY, rest.substring(TELEMETRY.length()));
        }
        if (rest.startsWith(EVENT)) {
            return level(Kind.EVENT, rest.substring(EVENT.length()));
        }
        if (rest.startsWith(COMMAND) && rest.endsWith(ACK) && rest.length() > COMMAND.length() + ACK.length()) {
            return level(Kind.ACK, rest.substring(COMMAND.length(), rest.length() - ACK.length()));
        }
        if (rest.startsWith(COMMAND)) {
            return level(Kind.COMMAND, rest.substring(COMMAND.length()));
        }
        return null;
    }

    private static Address level(Kind kind, String name) {
        return name.isEmpty() || name.indexOf('/') >= 0 ? null : new Address(kind, name);
    }

    /** The kinds of topic in the tree. */
    public enum Kind { STATUS, META, RUN, TELEMETRY, EVENT, COMMAND, ACK }

    /**
     * A parsed topic.
     *
     * @param kind which branch of the tree
     * @param name the stream, event type or command name; empty for status, meta and run
     */
    public record Address(Kind kind, String name) {
    }

    @Override
    public String toString() {
        return root;
    }
}
