package dev.aplysia.device.command;

import java.util.Map;

/**
 * A validated command waiting in the {@link CommandProcessor} inbox: every field its {@link CommandSpec} lists is
 * present with a value in range. The firmware applies it between ticks, then answers it exactly once with
 * {@link CommandProcessor#acknowledge} or {@link CommandProcessor#reject}. Reading fields allocates nothing.
 */
public final class Command {

    private final String name;
    private final String id;
    private final Map<String, Object> values;
    private boolean answered;

    Command(String name, String id, Map<String, Object> values) {
        this.name = name;
        this.id = id;
        this.values = Map.copyOf(values);
    }

    /** The command name ({@code set}). */
    public String name() {
        return name;
    }

    /** The sender's correlation id, echoed in the ack; null if the payload had none. */
    public String id() {
        return id;
    }

    /** A text or choice field. */
    public String text(String field) {
        return (String) value(field, String.class);
    }

    /** A number field. */
    public double number(String field) {
        return (Double) value(field, Double.class);
    }

    /** A whole-number field. */
    public long integer(String field) {
        return (Long) value(field, Long.class);
    }

    /** A true/false field. */
    public boolean flag(String field) {
        return (Boolean) value(field, Boolean.class);
    }

    /** The element count of a numbers field. */
    public int count(String field) {
        return ((double[]) value(field, double[].class)).length;
    }

    /** Element {@code index} of a numbers field. */
    public double number(String field, int index) {
        return ((double[]) value(field, double[].class))[index];
    }

    /** True once the command has been acknowledged or rejected. */
    public boolean answered() {
        return answered;
    }

    boolean markAnswered() {
        boolean first = !answered;
        answered = true;
        return first;
    }

    private Object value(String field, Class<?> type) {
        Object value = values.get(field);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("command " + name + " has no " + type.getSimpleName() + " field '"
                    + field + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return name + (id == null ? "" : "#" + id) + values.keySet();
    }
}
