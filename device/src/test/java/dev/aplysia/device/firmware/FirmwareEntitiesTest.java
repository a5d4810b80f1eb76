package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.command.CommandProcessor;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.telemetry.Frame;
import dev.aplysia.device.telemetry.Telemetry;
import dev.aplysia.device.telemetry.TelemetryQueue;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.homeassistant.HomeAssistantEntity;
import dev.aplysia.device.wire.FlatJson;
import dev.aplysia.hal.sim.SimBoard;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FirmwareEntitiesTest {

    private static final Topics TOPICS = Topics.of("bench");
    private static final List<HomeAssistantEntity> ENTITIES = FirmwareEntities.of(TOPICS);
    private static final Pattern FIELD = Pattern.compile("value_json\\.([a-z_]+)");

    private static Map<String, HomeAssistantEntity> byId() {
        return ENTITIES.stream().collect(Collectors.toMap(HomeAssistantEntity::objectId, e -> e));
    }

    private static String text(HomeAssistantEntity entity, String key) {
        return (String) entity.config().get(key);
    }

    @Test
    void everyFieldATemplateReadsIsInTheHealthFrame() throws Exception {
        SimBoard board = SimBoard.of(RobotBench.board());
        TelemetryQueue queue = new TelemetryQueue(4, 512);
        FirmwareHealth health = new FirmwareHealth(new Telemetry(queue, board.clock(), board.wallClock()));
        health.report(new Firmware(RobotBench.config(McuProfile.RP2040), board, health));
        Frame frame = new Frame(512);
        assertTrue(queue.poll(frame));
        FlatJson fields = new FlatJson(32, 1024, 32).parse(frame.payload(), frame.length());

        for (HomeAssistantEntity entity : ENTITIES) {
            if (entity.config().containsKey("value_template")) {
                Matcher read = FIELD.matcher(text(entity, "value_template"));
                assertTrue(read.find(), entity.toString());
                do {
                    assertTrue(fields.indexOf(read.group(1)) >= 0, entity.objectId() + " reads " + read.group(1));
                } while (read.find());
                assertEquals(TOPICS.telemetry(FirmwareHealth.STREAM), text(entity, "state_topic"));
            }
        }
    }

    @Test
    void theLearningSwitchSendsSetCommandsTheFirmwareApplies() throws Exception {
        HomeAssistantEntity learning = byId().get("learning");
        FirmwareConfig config = RobotBench.config(McuProfile.RP2040);
        Firmware firmware = new Firmware(config, SimBoard.of(RobotBench.board()), FirmwareEvents.NONE);
        CommandProcessor commands = new CommandProcessor(FirmwareCommands.catalog(config.classifier()).specs(), 4);
        FirmwareCommands apply = new FirmwareCommands(commands, firmware);

        assertEquals("switch", learning.component());
        assertEquals(TOPICS.command("set"), text(learning, "command_topic"));
        commands.accept("set", text(learning, "payload_off").getBytes(StandardCharsets.UTF_8));
        apply.run();
        assertNull(commands.nextAck().error());
        assertFalse(firmware.learning());
        commands.accept("set", text(learning, "payload_on").getBytes(StandardCharsets.UTF_8));
        apply.run();
        assertNull(commands.nextAck().error());
        assertTrue(firmware.learning());
    }

    @Test
    void theLearningSwitchReadsOnAndOffFromTheTemplate() {
        HomeAssistantEntity learning = byId().get("learning");

        assertEquals("{{ 'ON' if value_json.learning else 'OFF' }}", text(learning, "value_template"));
        assertEquals("ON", text(learning, "state_on"));
        assertEquals("OFF", text(learning, "state_off"));
    }

    @Test
    void theHaltAndResumeButtonsSendAnEmptyCommand() {
        assertEquals(TOPICS.command("halt"), text(byId().get("halt"), "command_topic"));
        assertEquals("{}", text(byId().get("halt"), "payload_press"));
        assertEquals(TOPICS.command("resume"), text(byId().get("resume"), "command_topic"));
    }

    @Test
    void durationsSayTheirUnit() {
        assertEquals("duration", text(byId().get("snapshot_age"), "device_class"));
        assertEquals("ms", text(byId().get("snapshot_age"), "unit_of_measurement"));
        assertEquals("duration", text(byId().get("uptime"), "device_class"));
        assertEquals("s", text(byId().get("uptime"), "unit_of_measurement"));
    }
}
