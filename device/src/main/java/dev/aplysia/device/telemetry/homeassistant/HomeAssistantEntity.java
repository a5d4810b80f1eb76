package dev.aplysia.device.telemetry.homeassistant;

import dev.aplysia.device.wire.Names;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Home Assistant entity of a device, as data: its component ({@code sensor}, {@code switch}, {@code button}), an
 * object id unique within the device, a name, and the rest of its discovery config as Home Assistant's keys
 * ({@code state_topic}, {@code value_template}, {@code unit_of_measurement}...), in the order given. The keys every
 * entity of a device shares (availability, device, origin, unique id) are added by {@link HomeAssistantDiscovery}.
 *
 * @param component one of {@link #COMPONENTS}
 * @param objectId  1 to 64 of {@code A-Z a-z 0-9 _ -}
 * @param config    key → a string, number or boolean
 */
public record HomeAssistantEntity(String component, String objectId, String name, Map<String, Object> config) {

    /** The components this project describes. */
    public static final List<String> COMPONENTS = List.of("sensor", "switch", "button");

    public HomeAssistantEntity {
        if (!COMPONENTS.contains(component)) {
            throw new IllegalArgumentException("component '" + component + "' is not one of " + COMPONENTS);
        }
        Names.require("object id", objectId);
        Objects.requireNonNull(name, "name");
        config.forEach(HomeAssistantEntity::requireScalar);
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** A sensor reading its state from {@code stateTopic} through {@code valueTemplate}. */
    public static HomeAssistantEntity sensor(String objectId, String name, String stateTopic, String valueTemplate) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("state_topic", stateTopic);
        config.put("value_template", valueTemplate);
        return new HomeAssistantEntity("sensor", objectId, name, config);
    }

    /** A button that publishes {@code payloadPress} to {@code commandTopic} when pressed. */
    public static HomeAssistantEntity button(String objectId, String name, String commandTopic, String payloadPress) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("command_topic", commandTopic);
        config.put("payload_press", payloadPress);
        return new HomeAssistantEntity("button", objectId, name, config);
    }

    /**
     * A switch that publishes {@code payloadOn} or {@code payloadOff} to {@code commandTopic} and reads its state from
     * {@code stateTopic}, where {@code valueTemplate} must render {@code ON} or {@code OFF}.
     */
    public static HomeAssistantEntity toggle(String objectId, String name, String commandTopic, String payloadOn,
                                             String payloadOff, String stateTopic, String valueTemplate) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("command_topic", commandTopic);
        config.put("payload_on", payloadOn);
        config.put("payload_off", payloadOff);
        config.put("state_topic", stateTopic);
        config.put("value_template", valueTemplate);
        config.put("state_on", "ON");
        config.put("state_off", "OFF");
        return new HomeAssistantEntity("switch", objectId, name, config);
    }

    /** This entity with {@code key} set to {@code value} (a string, number or boolean). */
    public HomeAssistantEntity with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(config);
        more.put(key, value);
        return new HomeAssistantEntity(component, objectId, name, more);
    }

    private static void requireScalar(String key, Object value) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException("config '" + key + "' must be a string, number or boolean, got "
                    + value);
        }
    }
}
