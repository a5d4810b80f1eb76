package dev.aplysia.device.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    private final Topics topics = Topics.of("board-7");

    @Test
    void theTreeHangsUnderTheDefaultPrefixAndTheDeviceId() {
        assertEquals("aplysia/v1/board-7/status", topics.status());
        assertEquals("aplysia/v1/board-7/meta", topics.meta());
        assertEquals("aplysia/v1/board-7/telemetry/accuracy", topics.telemetry("accuracy"));
        assertEquals("aplysia/v1/board-7/event/overrun", topics.event("overrun"));
        assertEquals("aplysia/v1/board-7/cmd/set", topics.command("set"));
        assertEquals("aplysia/v1/board-7/cmd/set/ack", topics.ack("set"));
        assertEquals(List.of("aplysia/v1/board-7/status", "aplysia/v1/board-7/meta",
                "aplysia/v1/board-7/telemetry/+", "aplysia/v1/board-7/event/+", "aplysia/v1/board-7/cmd/+/ack"),
                topics.published());
    }

    @Test
    void aCustomPrefixReplacesTheDefault() {
        assertEquals("lab/bench/x_1/status", new Topics("lab/bench/", "x_1").status());
        assertEquals("x_1/status", new Topics("", "x_1").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "a+b", "a#", "with space", "ünïcode",
        "a-very-long-device-id-that-goes-on-and-on-past-sixty-four-characters-x"})
    void anUnsafeDeviceIdIsRefusedWithTheRule(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Topics.of(id));
        assertEquals("invalid device id '" + id + "': use 1 to 64 characters from A-Z a-z 0-9 _ - (MQTT topic-safe)",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aplysia", "a/+/", "a//", "/#/"})
    void aPrefixMustBeLevelsEndingInASlashWithoutWildcards(String prefix) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Topics(prefix, "d"));
        assertTrue(e.getMessage().startsWith("invalid topic prefix '" + prefix + "'"), e.getMessage());
    }

    @Test
    void aCommandNamedAckIsACommandNotTheAckOfANamelessOne() {
        assertEquals(new Topics.Address(Topics.Kind.COMMAND, "ack"), topics.parse(topics.root() + "cmd/ack"));
        assertEquals(new Topics.Address(Topics.Kind.ACK, "ack"), topics.parse(topics.root() + "cmd/ack/ack"));
        assertNull(topics.parse(topics.root() + "cmd//ack"));
    }

    @Test
    void parsingATopicNamesItsKindAndName() {
        assertEquals(new Topics.Address(Topics.Kind.STATUS, ""), topics.parse(topics.status()));
        assertEquals(new Topics.Address(Topics.Kind.META, ""), topics.parse(topics.meta()));
        assertEquals(new Topics.Address(Topics.Kind.TELEMETRY, "accuracy"),
                topics.parse(topics.telemetry("accuracy")));
        assertEquals(new Topics.Address(Topics.Kind.EVENT, "overrun"), topics.parse(topics.event("overrun")));
        assertEquals(new Topics.Address(Topics.Kind.COMMAND, "set"), topics.parse(topics.command("set")));
        assertEquals(new Topics.Address(Topics.Kind.ACK, "set"), topics.parse(topics.ack("set")));
    }

    @Test
    void topicsOutsideTheTreeParseToNull() {
        assertNull(topics.parse("aplysia/v1/other/status"));
        assertNull(topics.parse("aplysia/v1/board-7/telemetry/a/b"));
        assertNull(topics.parse("aplysia/v1/board-7/unknown"));
    }
}
