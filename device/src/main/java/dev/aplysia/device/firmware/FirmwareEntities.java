package dev.aplysia.device.firmware;

import dev.aplysia.device.command.CommandCatalog;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.homeassistant.HomeAssistantEntity;
import java.util.List;

/**
 * The firmware as Home Assistant entities: sensors read from its {@link FirmwareHealth} frame, a switch for learning
 * (the {@code set} command) and buttons that halt and resume it. A sensor whose health field is {@code null} shows
 * as unknown: its template renders {@code None}, which Home Assistant's MQTT sensor takes for "no value".
 */
public final class FirmwareEntities {


    private static final String MEASUREMENT = "measurement";
    private static final String TOTAL_INCREASING = "total_increasing";
    private static final String DIAGNOSTIC = "diagnostic";

    private FirmwareEntities() {
    }

    /** The entities of the firmware whose topics are {@code topics}. */
    public static List<HomeAssistantEntity> of(Topics topics) {
        String health = topics.telemetry(FirmwareHealth.STREAM);
        return List.of(
                HomeAssistantEntity.sensor("accuracy", "Accuracy", health,
                                "{{ (value_json.accuracy * 100) | round(1) if value_json.accuracy is number"
                                        + " else None }}")
                        .with("unit_of_measurement", "%").with("state_class", MEASUREMENT)
                        .with("icon", "mdi:bullseye-arrow"),
                HomeAssistantEntity.sensor("decisions", "Decisions", health, "{{ value_json.decisions }}")
                        .with("state_class", TOTAL_INCREASING),
                HomeAssistantEntity.sensor("modulator", "Modulator", health, "{{ value_json.modulator }}")
                        .with("state_class", MEASUREMENT).with("icon", "mdi:flask"),
                counter("deadline_misses", "Deadline misses", health, "deadline_misses"),
                HomeAssistantEntity.sensor("snapshot_age", "Snapshot age", health, "{{ value_json.snapshot_age_ms }}")
                        .with("device_class", "duration").with("unit_of_measurement", "ms")
                        .with("state_class", MEASUREMENT).with("entity_category", DIAGNOSTIC),
                HomeAssistantEntity.sensor("uptime", "Uptime", health, "{{ value_json.uptime_ms // 1000 }}")
                        .with("device_class", "duration").with("unit_of_measurement", "s")
                        .with("state_class", TOTAL_INCREASING).with("entity_category", DIAGNOSTIC),
                counter("hal_errors", "HAL errors", health, "hal_errors"),
                counter("dropped_frames", "Dropped frames", health, "dropped"),
                HomeAssistantEntity.toggle("learning", "Learning", topics.command(CommandCatalog.SET),
                        "{\"name\":\"learning\",\"value\":1}", "{\"name\":\"learning\",\"value\":0}", health,
                        "{{ 'ON' if value_json.learning else 'OFF' }}").with("icon", "mdi:school"),
                HomeAssistantEntity.button(FirmwareCommands.HALT, "Halt", topics.command(FirmwareCommands.HALT), "{}").with("icon", "mdi:stop"),
                HomeAssistantEntity.button(FirmwareCommands.RESUME, "Resume", topics.command(FirmwareCommands.RESUME), "{}").with("icon", "mdi:play"));
    }

    /** A diagnostic count since boot, read from {@code field} of the health frame. */
    private static HomeAssistantEntity counter(String objectId, String name, String health, String field) {
        return HomeAssistantEntity.sensor(objectId, name, health, "{{ value_json." + field + " }}")
                .with("state_class", TOTAL_INCREASING).with("entity_category", DIAGNOSTIC);
    }
}
