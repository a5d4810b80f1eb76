package dev.aplysia.device.firmware;

import dev.aplysia.device.command.Command;
import dev.aplysia.device.command.CommandCatalog;
import dev.aplysia.device.command.CommandSpec;
import dev.aplysia.device.command.RateLimit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Which of the firmware's commands it obeys from whoever can publish to its {@code cmd/} topics, and how often: a rule
 * on every command spec, so a refused command is answered at once with an error ack and never reaches the firmware.
 * <ul>
 *   <li>{@link Group#OPERATION} ({@code start}, {@code stop}, {@code set learning}, {@code resume}): on unless turned
 *       off. They change no learned value and no stored byte, each is undone by its opposite, and a dashboard needs
 *       them.</li>
 *   <li>{@link Group#STATE} ({@code load-weights}, {@code reset}, {@code set modulator}): off unless enabled; they
 *       overwrite or bias what the robot has learned.</li>
 *   <li>{@link Group#STORAGE} ({@code snapshot}): off unless enabled; each one writes the snapshot files.</li>
 *   <li>{@code halt}: always obeyed. A stop button that can be turned off is not one; a needless halt costs a
 *       {@code resume}.</li>
 * </ul>
 * Enabled state and storage commands share one {@link RateLimit}; a command over it is refused, saying when to retry.
 * Refusals are counted. Who may publish at all is the broker's business (an ACL; see {@code docs/protocol.md}).
 */
public final class CommandAccess implements CommandSpec.Rule {

    /** The device command line's option that enables groups. */
    public static final String OPTION = "--allow-commands";
    /** The option that sets the rate limit. */
    public static final String RATE_OPTION = "--command-rate";
    /** The word for no group at all. */
    public static final String NONE = "none";

    /** A set of commands enabled together. */
    public enum Group {
        /** Learning on and off, resume after a halt. */
        OPERATION("changes how the robot runs"),
        /** Writes to the learned state. */
        STATE("changes the learned state"),
        /** Writes to storage. */
        STORAGE("writes to storage");

        private final String effect;

        Group(String effect) {
            this.effect = effect;
        }

        /** The group's name on the command line: {@code operation}, {@code state}, {@code storage}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a device obeys unless told otherwise: the operational commands, and halt. */
    public static final Set<Group> DEFAULT = Set.of(Group.OPERATION);

    private final Set<Group> allowed;
    private final RateLimit guarded;
    private final AtomicLong refusedOff = new AtomicLong();
    private final AtomicLong refusedOverRate = new AtomicLong();

    /** Obeys the {@code allowed} groups (and halt), state and storage commands within {@code guarded}. */
    public CommandAccess(Set<Group> allowed, RateLimit guarded) {
        this.allowed = allowed.isEmpty() ? EnumSet.noneOf(Group.class) : EnumSet.copyOf(allowed);
        this.guarded = guarded;
    }

    /**
     * The groups a comma-separated list names: {@code state,storage}, or {@value #NONE}.
     *
     * @throws IllegalArgumentException naming an unknown word and listing the known ones
     */
    public static Set<Group> parse(String text) {
        if (text.strip().equals(NONE)) {
            return Set.of();
        }
        Set<Group> groups = EnumSet.noneOf(Group.class);
        for (String word : text.split(",", -1)) {
            groups.add(Arrays.stream(Group.values()).filter(g -> g.word().equals(word.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown command group '" + word.strip()
                            + "'; groups: operation, state, storage (comma-separated), or none")));
        }
        return groups;
    }

    @Override
    public String violation(Command command) {
        Group group = groupOf(command);
        if (group == null) {
            return null;
        }
        if (!allowed.contains(group)) {
            refusedOff.incrementAndGet();
            return "command '" + describe(command) + "' " + group.effect + " and is off on this device; start it"
                    + " with " + OPTION + " " + enabling(group) + " to obey it";
        }
        long wait = group == Group.OPERATION ? 0 : guarded.take();
        if (wait > 0) {
            refusedOverRate.incrementAndGet();
            return String.format(Locale.ROOT, "rate limit: at most %d state and storage commands a minute (%s);"
                    + " retry in %.1f s", guarded.perMinute(), RATE_OPTION, Math.max(wait, 100_000_000L) / 1e9);
        }
        return null;
    }

    /** The group {@code command} belongs to; null for halt, which is always obeyed. */
    static Group groupOf(Command command) {
        return switch (command.name()) {
            case FirmwareCommands.HALT -> null;
            case CommandCatalog.START, CommandCatalog.STOP, FirmwareCommands.RESUME -> Group.OPERATION;
            case CommandCatalog.SET -> command.text("name").equals("learning") ? Group.OPERATION : Group.STATE;
            case CommandCatalog.SNAPSHOT -> Group.STORAGE;
            default -> Group.STATE;
        };
    }

    private static String describe(Command command) {
        return command.name().equals(CommandCatalog.SET) ? "set " + command.text("name") : command.name();
    }

    /** The option's value that adds {@code group} to what is allowed now. */
    private String enabling(Group group) {
        List<Group> wanted = new ArrayList<>(allowed);
        wanted.add(group);
        return wanted.stream().sorted().map(Group::word).collect(Collectors.joining(","));
    }

    /** Commands refused because their group is off, since start. */
    public long refusedOff() {
        return refusedOff.get();
    }

    /** Commands refused by the rate limit, since start. */
    public long refusedOverRate() {
        return refusedOverRate.get();
    }
}
