package dev.aplysia.device.command;

import dev.aplysia.device.wire.FlatJson;
import dev.aplysia.device.wire.FlatJsonException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks commands arriving on {@code cmd/{name}} and hands the valid ones to the tick thread.
 *
 * <p>A payload is refused, with an error ack on {@code cmd/{name}/ack} and nothing else happening, when it is larger
 * than {@value #MAX_PAYLOAD_BYTES} bytes, is not a flat JSON object, names an unknown command, has an unknown, missing,
 * mistyped or out-of-range field, breaks a {@link CommandSpec.Rule}, or finds the inbox full. A valid command waits in
 * the bounded inbox until the firmware {@link #poll() polls} it between ticks, applies it, and answers it with
 * {@link #acknowledge} or {@link #reject}; the ack echoes the payload's {@code id} so the sender can match it.
 *
 * <p>Every command gets exactly one answer, and the room for it is set aside when the command arrives: at most
 * {@code answerCapacity} commands may be owed an answer at once (waiting in the inbox, or answered and waiting for
 * the publisher). A command that finds the inbox full is refused with a {@code busy} ack ({@link #busy()}); only one
 * arriving while all {@code answerCapacity} answers are owed cannot be answered, and is counted in
 * {@link #unanswered()} (which the publisher reports on {@code event/link}) — never dropped unseen. The firmware's
 * own answers therefore always have room.
 *
 * <p>Threads: {@link #accept} runs on the transport's thread, {@code poll}/{@code acknowledge}/{@code reject} on the
 * tick thread, and the {@link Publisher} takes the acks. Polling an empty inbox allocates nothing; a command and its
 * ack allocate a few small objects, which is fine for something that happens between ticks, not on every tick.
 */
public final class CommandProcessor {

    /** The largest payload accepted. */
    public static final int MAX_PAYLOAD_BYTES = 4096;
    /** The longest correlation id. */
    public static final int MAX_ID_LENGTH = 64;
    /**
     * Answers that may wait for the publisher by default, beyond the inbox. The publisher sends one ack per broker
     * round trip, so a burst arriving faster piles answers up: 2,000 commands sent back to back through a loopback
     * Mosquitto owed more than 1,024 at once on a loaded machine ({@code CommandBurstTest}). An owed answer holds a
     * few dozen bytes.
     */
    public static final int DEFAULT_ANSWER_ROOM = 4096;

    private final Map<String, CommandSpec> specs = new LinkedHashMap<>();
    private final BlockingQueue<Command> inbox;
    private final BlockingQueue<Ack> acks;
    private final Semaphore answerRoom;
    private final FlatJson json = new FlatJson(32, MAX_PAYLOAD_BYTES, MAX_PAYLOAD_BYTES / 2);
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();

    /**
     * A processor for these commands, owing at most {@code inboxCapacity} + {@value #DEFAULT_ANSWER_ROOM} answers.
     *
     * @param inboxCapacity how many valid commands may wait for the firmware
     * @throws IllegalArgumentException if two specs share a name
     */
    public CommandProcessor(List<CommandSpec> commands, int inboxCapacity) {
        this(commands, inboxCapacity, inboxCapacity + DEFAULT_ANSWER_ROOM);
    }

    /**
     * A processor for these commands.
     *
     * @param inboxCapacity  how many valid commands may wait for the firmware
     * @param answerCapacity how many commands may be owed an answer at once, at least {@code inboxCapacity}
     * @throws IllegalArgumentException if two specs share a name, or the capacities do not fit
     */
    public CommandProcessor(List<CommandSpec> commands, int inboxCapacity, int answerCapacity) {
        if (inboxCapacity < 1 || answerCapacity < inboxCapacity) {
            throw new IllegalArgumentException("need 1 <= inboxCapacity <= answerCapacity, got " + inboxCapacity
                    + " and " + answerCapacity);
        }
        for (CommandSpec spec : commands) {
            if (specs.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("two commands named " + spec.name());
            }
        }
        this.inbox = new ArrayBlockingQueue<>(inboxCapacity);
        this.acks = new ArrayBlockingQueue<>(answerCapacity);
        this.answerRoom = new Semaphore(answerCapacity);
    }

    /**
     * Checks a payload that arrived on {@code cmd/{command}}; queues it for the firmware or answers it with an error
     * (or, if no answer can be owed any more, counts it as {@link #unanswered()}). Never blocks.
     */
    public synchronized void accept(String command, byte[] payload) {
        if (!answerRoom.tryAcquire()) {
            unanswered.incrementAndGet();
            return;
        }
        String id = null;
        String problem = payloadProblem(payload);
        if (problem == null) {
            id = correlationId();
            problem = commandProblem(command, id);
        }
        if (problem != null) {
            refuse(command, id, problem);
        }
    }

    /** Why the payload is not a flat JSON object of acceptable size (it is parsed into {@link #json} if it is). */
    private String payloadProblem(byte[] payload) {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            return "payload of " + payload.length + " bytes exceeds the " + MAX_PAYLOAD_BYTES + "-byte limit";
        }
        try {
            json.parse(payload);
            return null;
        } catch (FlatJsonException e) {
            return "malformed JSON: " + e.getMessage();
        }
    }

    /** Why the parsed payload is not an acceptable {@code command}; queues it if it is. */
    private String commandProblem(String command, String id) {
        if (id == null && json.indexOf("id") >= 0) {
            return "field 'id' must be a string of 1 to " + MAX_ID_LENGTH + " characters";
        }
        CommandSpec spec = specs.get(command);
        if (spec == null) {
            return "unknown command '" + command + "'; known: " + String.join(", ", specs.keySet());
        }
        return admit(spec, id);
    }

    /** The payload's {@code id} if it has a valid one, else null. */
    private String correlationId() {
        int i = json.indexOf("id");
        if (i < 0 || json.type(i) != FlatJson.Type.STRING) {
            return null;
        }
        String id = json.text(i);
        return id.isEmpty() || id.length() > MAX_ID_LENGTH ? null : id;
    }

    /** Builds and queues the command (or answers it {@code busy} if the inbox is full), or says why not. */
    private String admit(CommandSpec spec, String id) {
        String problem = fieldsViolation(spec);
        if (problem != null) {
            return problem;
        }
        Command command = new Command(spec.name(), id, values(spec));
        for (CommandSpec.Rule rule : spec.rules()) {
            problem = rule.violation(command);
            if (problem != null) {
                return problem;
            }
        }
        if (inbox.offer(command)) {
            return null;
        }
        busy.incrementAndGet();
        queueAck(new Ack(spec.name(), id, "device busy: " + inbox.size()
                + " commands are already waiting to be applied", true));
        return null;
    }

    private String fieldsViolation(CommandSpec spec) {
        for (int i = 0; i < json.size(); i++) {
            String name = json.name(i);
            if (!name.equals("id") && spec.field(name) == null) {
                return "unknown field '" + name + "' for command '" + spec.name() + "'";
            }
        }
        for (FieldSpec field : spec.fields()) {
            int i = json.indexOf(field.name());
            if (i < 0) {
                return "missing field '" + field.name() + "' (" + field.kind().name().toLowerCase(Locale.ROOT) + ")";
            }
            String problem = field.violation(json, i);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private Map<String, Object> values(CommandSpec spec) {
        Map<String, Object> values = new HashMap<>();
        for (FieldSpec field : spec.fields()) {
            values.put(field.name(), field.value(json, json.indexOf(field.name())));
        }
        return values;
    }

    /** The names of the commands this processor knows, in catalog order: the topics a device subscribes to. */
    public List<String> names() {
        return List.copyOf(specs.keySet());
    }

    /** The next command to apply, or null; tick thread. Allocates nothing. */
    public Command poll() {
        return inbox.poll();
    }

    /** Answers {@code command} with {@code {"ok":true}}: it was applied. Tick thread. */
    public void acknowledge(Command command) {
        answer(command, null);
    }

    /**
     * Answers {@code command} with {@code {"ok":false,"error":reason}}: the firmware could not apply it.
     *
     * @param reason what prevented it, for the sender to read
     */
    public void reject(Command command, String reason) {
        answer(command, reason);
    }

    private void answer(Command command, String error) {
        if (!command.markAnswered()) {
            throw new IllegalStateException(command + " was already answered");
        }
        queueAck(new Ack(command.name(), command.id(), error));
    }

    private void refuse(String command, String id, String error) {
        refused.incrementAndGet();
        queueAck(new Ack(command, id, error));
    }

    /** Queues an answer whose room was set aside when its command arrived, so it always fits. */
    private void queueAck(Ack ack) {
        if (!acks.offer(ack)) {
            throw new IllegalStateException("no room for " + ack + " although it was set aside");
        }
    }

    /** The next ack to publish, or null; publisher thread. Its room is free again once taken. */
    public Ack nextAck() {
        Ack ack = acks.poll();
        if (ack != null) {
            answerRoom.release();
        }
        return ack;
    }

    /** Commands waiting for the firmware. */
    public int pending() {
        return inbox.size();
    }

    /** Payloads refused by validation (each answered with an error ack), since construction. */
    public long refused() {
        return refused.get();
    }

    /** Valid commands refused with a {@code busy} ack because the inbox was full, since construction. */
    public long busy() {
        return busy.get();
    }

    /** Commands that arrived while every answer room was owed, so got no answer at all, since construction. */
    public long unanswered() {
        return unanswered.get();
    }
}
