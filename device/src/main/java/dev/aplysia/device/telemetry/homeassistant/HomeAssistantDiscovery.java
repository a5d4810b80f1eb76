package dev.aplysia.device.telemetry.homeassistant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.aplysia.device.telemetry.Announcement;
import dev.aplysia.device.telemetry.DeviceMeta;
import dev.aplysia.device.telemetry.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A device's entities announced to Home Assistant by MQTT discovery: one retained config per entity on
 * {@code {prefix}/{component}/{deviceId}/{objectId}/config}, published on every connection and again whenever Home
 * Assistant comes online ({@code {prefix}/status} = {@code online}, its birth message), so that a Home Assistant
 * which lost its retained configs still finds the device.
 *
 * <p>Each config carries, besides the entity's own keys: {@code name}, {@code unique_id}
 * ({@code aplysia_{deviceId}_{objectId}}), {@code qos} 1, an {@code availability} on the device's {@code status}
 * topic whose template reads both a plain {@code online}/{@code offline} and a JSON status with a {@code state}
 * field, a {@code device} block (identifiers, name, manufacturer, model, firmware version) and an {@code origin}
 * block. Immutable; the configs are built once, at construction.
 */
public final class HomeAssistantDiscovery implements Announcement {

    /** Home Assistant's default discovery prefix. */
    public static final String DEFAULT_PREFIX = "homeassistant";
    /**
     * Reads the device's availability from {@code status}: Home Assistant defines {@code value_json} only for a
     * payload that parses as JSON, so a plain {@code online} renders as itself and {@code {"state":"online",...}} as
     * its {@code state}.
     */
    public static final String AVAILABILITY_TEMPLATE = "{{ value_json.state if value_json is defined else value }}";
    /** What Home Assistant's birth message says. */
    public static final String ONLINE = "online";

    private static final Pattern PREFIX = Pattern.compile("[^/+#\\x00]+(/[^/+#\\x00]+)*");
    private static final JsonFactory JSON = new JsonFactory();

    private final String prefix;
    private final List<Message> messages;

    /**
     * The discovery of {@code entities} of the device {@code topics} and {@code meta} describe.
     *
     * @param prefix topic levels without wildcards or a trailing {@code /} ({@value #DEFAULT_PREFIX})
     * @throws IllegalArgumentException for a malformed prefix or two entities with one object id
     */
    public HomeAssistantDiscovery(String prefix, Topics topics, DeviceMeta meta, List<HomeAssistantEntity> entities) {
        requirePrefix(prefix);
        if (entities.stream().map(HomeAssistantEntity::objectId).distinct().count() < entities.size()) {
            throw new IllegalArgumentException("two entities share an object id: " + entities);
        }
        this.prefix = prefix;
        this.messages = entities.stream().map(e -> new Message(configTopic(e, topics.deviceId()),
                config(e, topics, meta))).toList();
    }

    /**
     * Returns {@code prefix} if it can be a discovery prefix.
     *
     * @throws IllegalArgumentException saying what a valid one looks like
     */
    public static String requirePrefix(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("invalid discovery prefix '" + prefix
                    + "': use topic levels separated by '/', without '+', '#', empty levels or a trailing '/'");
        }
        return prefix;
    }

    /** The config messages, one per entity, in the order the entities were given. */
    @Override
    public List<Message> messages() {
        return messages;
    }

    /** Home Assistant's status topic, {@code {prefix}/status}. */
    @Override
    public String requestFilter() {
        return prefix + "/status";
    }

    /** True for Home Assistant's birth message, {@value #ONLINE}. */
    @Override
    public boolean isRequest(String topic, byte[] payload) {
        return ONLINE.equals(new String(payload, StandardCharsets.UTF_8).trim());
    }

    private String configTopic(HomeAssistantEntity entity, String deviceId) {
        return prefix + "/" + entity.component() + "/" + deviceId + "/" + entity.objectId() + "/config";
    }

    private static byte[] config(HomeAssistantEntity entity, Topics topics, DeviceMeta meta) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("name", entity.name());
            json.writeStringField("unique_id", "aplysia_" + topics.deviceId() + "_" + entity.objectId());
            for (Map.Entry<String, Object> field : entity.config().entrySet()) {
                writeScalar(json, field.getKey(), field.getValue());
            }
            json.writeNumberField("qos", 1);
            availability(json, topics);
            device(json, topics, meta);
            origin(json, meta);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static void writeScalar(JsonGenerator json, String key, Object value) throws IOException {
        json.writeFieldName(key);
        if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Number number) {
            json.writeNumber(number.toString());
        } else {
            json.writeString((String) value);
        }
    }

    private static void availability(JsonGenerator json, Topics topics) throws IOException {
        json.writeArrayFieldStart("availability");
        json.writeStartObject();
        json.writeStringField("topic", topics.status());
        json.writeStringField("value_template", AVAILABILITY_TEMPLATE);
        json.writeStringField("payload_available", Topics.ONLINE);
        json.writeStringField("payload_not_available", Topics.OFFLINE);
        json.writeEndObject();
        json.writeEndArray();
    }

    private static void device(JsonGenerator json, Topics topics, DeviceMeta meta) throws IOException {
        json.writeObjectFieldStart("device");
        json.writeArrayFieldStart("identifiers");
        json.writeString("aplysia_" + topics.deviceId());
        json.writeEndArray();
        json.writeStringField("name", "Aplysia " + topics.deviceId());
        json.writeStringField("manufacturer", "Aplysia");
        json.writeStringField("model", meta.network() + " on " + meta.mcu());
        json.writeStringField("sw_version", meta.firmware());
        json.writeEndObject();
    }

    private static void origin(JsonGenerator json, DeviceMeta meta) throws IOException {
        json.writeObjectFieldStart("origin");
        json.writeStringField("name", "aplysia");
        json.writeStringField("sw_version", meta.firmware());
        json.writeEndObject();
    }
}
