package dev.aplysia.host.watch;

import dev.aplysia.device.command.CommandCatalog;
import dev.aplysia.device.firmware.FirmwareCommands;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The commands the page's buttons send: the robot firmware's stop button, its resume, and its learning switch. */
public enum PageAction {
    HALT("halt", FirmwareCommands.HALT, Map.of()),
    RESUME("resume", FirmwareCommands.RESUME, Map.of()),
    LEARNING_ON("learning-on", CommandCatalog.SET, Map.of("name", "learning", "value", 1)),
    LEARNING_OFF("learning-off", CommandCatalog.SET, Map.of("name", "learning", "value", 0));

    private final String word;
    private final String command;
    private final Map<String, Object> fields;

    PageAction(String word, String command, Map<String, Object> fields) {
        this.word = word;
        this.command = command;
        this.fields = fields;
    }

    /** The action's name on the page and in a request ({@code learning-on}). */
    public String word() {
        return word;
    }

    /** The command it publishes on {@code cmd/{command}}. */
    public String command() {
        return command;
    }

    /** The command's fields, without its correlation id. */
    public Map<String, Object> fields() {
        return fields;
    }

    /**
     * The action called {@code word}.
     *
     * @throws IllegalArgumentException naming the word and the actions there are
     */
    public static PageAction of(String word) {
        return Arrays.stream(values()).filter(a -> a.word.equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown action '" + word + "'; the page knows: "
                        + Arrays.stream(values()).map(PageAction::word).collect(Collectors.joining(", "))));
    }
}
