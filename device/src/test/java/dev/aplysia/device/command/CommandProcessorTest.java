package dev.aplysia.device.command;

import dev.aplysia.device.AllocationCounter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandProcessorTest {

    private final CommandProcessor commands = new CommandProcessor(new CommandCatalog()
            .parameter("learning-rate", 0, 1)
            .parameter("threshold", -2, 2)
            .projection("readout", 10, -1, 1)
            .specs(), 2);

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "start        | {\"experiment\":\"digits\"",
        "start        | {}",
        "start        | {\"experiment\":\"\"}",
        "start        | {\"experiment\":7}",
        "start        | {\"experiment\":\"a-name-that-is-much-longer-than-the-sixty-four-characters-allowed-here\"}",
        "start        | {\"experiment\":\"digits\",\"extra\":1}",
        "fly          | {}",
        "stop         | {\"id\":42}",
        "set          | {\"name\":\"learning-rate\"}",
        "set          | {\"name\":\"momentum\",\"value\":0.5}",
        "set          | {\"name\":\"learning-rate\",\"value\":\"0.5\"}",
        "set          | {\"name\":\"learning-rate\",\"value\":1.5}",
        "set          | {\"name\":\"threshold\",\"value\":-2.5}",
        "set          | {\"name\":\"learning-rate\",\"value\":null}",
        "load-weights | {\"projection\":\"readout\",\"offset\":0.5,\"weights\":[0.1]}",
        "load-weights | {\"projection\":\"readout\",\"offset\":-1,\"weights\":[0.1]}",
        "load-weights | {\"projection\":\"readout\",\"offset\":8,\"weights\":[0.1,0.2,0.3]}",
        "load-weights | {\"projection\":\"readout\",\"offset\":0,\"weights\":[0.1,1.5]}",
        "load-weights | {\"projection\":\"readout\",\"offset\":0,\"weights\":[]}",
        "load-weights | {\"projection\":\"readout\",\"offset\":0,\"weights\":0.1}",
        "load-weights | {\"projection\":\"hidden\",\"offset\":0,\"weights\":[0.1]}",
    })
    void aBadCommandGetsAnErrorAckAndNeverReachesTheFirmware(String name, String payload) {
        commands.accept(name, bytes(payload));

        Ack ack = commands.nextAck();
        assertEquals(name, ack.command());
        assertTrue(ack.error() != null && !ack.error().isBlank(), String.valueOf(ack));
        assertNull(commands.poll(), "inbox must stay empty");
        assertNull(commands.nextAck(), "exactly one ack");
        assertEquals(1, commands.refused());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"experiment\":\"digits\"    | malformed JSON: Unexpected end-of-input: expected close marker for"
            + " Object at offset 22",
        "{}                            | missing field 'experiment' (text)",
        "{\"experiment\":7}            | field 'experiment' must be a string, got a number",
        "{\"experiment\":\"\"}         | field 'experiment' must have 1 to 64 characters, got 0",
        "{\"experiment\":\"d\",\"x\":1} | unknown field 'x' for command 'start'",
        "{\"experiment\":\"d\",\"id\":\"\"} | field 'id' must be a string of 1 to 64 characters",
    })
    void theErrorSaysWhatWasWrong(String payload, String error) {
        assertEquals(error, refusal("start", payload).error());
    }

    @Test
    void anUnknownCommandIsNamedWithTheKnownOnes() {
        assertEquals("unknown command 'fly'; known: start, stop, reset, snapshot, set, load-weights",
                refusal("fly", "{}").error());
    }

    @Test
    void rangeErrorsNameTheParameterOrProjectionAndItsRange() {
        assertEquals("value 1.5 is outside [0, 1] for parameter 'learning-rate'",
                refusal("set", "{\"name\":\"learning-rate\",\"value\":1.5}").error());
        assertEquals("field 'name' must be one of [learning-rate, threshold], got 'momentum'",
                refusal("set", "{\"name\":\"momentum\",\"value\":0.5}").error());
        assertEquals("weights element 1 1.5 is outside [-1, 1] for projection 'readout'",
                refusal("load-weights", "{\"projection\":\"readout\",\"offset\":0,\"weights\":[0.1,1.5]}").error());
        assertEquals("weights at offset 8 (3 values) run past the end of projection 'readout' (10 weights)",
                refusal("load-weights", "{\"projection\":\"readout\",\"offset\":8,\"weights\":[1,2,3]}").error());
        assertEquals("field 'offset' must be a whole number, got 0.5",
                refusal("load-weights", "{\"projection\":\"readout\",\"offset\":0.5,\"weights\":[1]}").error());
    }

    @Test
    void anOversizedPayloadIsRefusedBeforeParsing() {
        byte[] big = new byte[CommandProcessor.MAX_PAYLOAD_BYTES + 1];

        commands.accept("start", big);

        assertEquals("payload of 4097 bytes exceeds the 4096-byte limit", commands.nextAck().error());
        assertNull(commands.poll());
    }

    @Test
    void theErrorAckEchoesTheIdWhenThePayloadHadOne() {
        Ack ack = refusal("set", "{\"id\":\"h-3\",\"name\":\"threshold\",\"value\":9}");

        assertEquals("h-3", ack.id());
        assertEquals("{\"ok\":false,\"id\":\"h-3\",\"command\":\"set\",\"error\":\"value 9 is outside [-2, 2] for "
                + "parameter 'threshold'\"}", new String(ack.toJson(), StandardCharsets.UTF_8));
    }

    @Test
    void aValidCommandWaitsForTheFirmwareAndIsAckedOnlyWhenApplied() {
        commands.accept("set", bytes("{\"id\":\"h-1\",\"name\":\"learning-rate\",\"value\":0.25}"));

        assertNull(commands.nextAck(), "no ack before the firmware applies it");
        Command set = commands.poll();
        assertEquals("set", set.name());
        assertEquals("h-1", set.id());
        assertEquals("learning-rate", set.text("name"));
        assertEquals(0.25, set.number("value"));

        commands.acknowledge(set);

        assertEquals("{\"ok\":true,\"id\":\"h-1\",\"command\":\"set\"}",
                new String(commands.nextAck().toJson(), StandardCharsets.UTF_8));
    }

    @Test
    void loadWeightsCarriesItsChunk() {
        commands.accept("load-weights", bytes("{\"projection\":\"readout\",\"offset\":7,\"weights\":[0.5,-1,1]}"));

        Command load = commands.poll();
        assertEquals("readout", load.text("projection"));
        assertEquals(7, load.integer("offset"));
        assertEquals(3, load.count("weights"));
        assertEquals(-1.0, load.number("weights", 1));
    }

    @Test
    void theFirmwareCanRejectACommandItCannotApply() {
        commands.accept("snapshot", bytes("{\"id\":\"s1\"}"));
        Command snapshot = commands.poll();

        commands.reject(snapshot, "storage full");

        Ack ack = commands.nextAck();
        assertEquals(new Ack("snapshot", "s1", "storage full"), ack);
        assertEquals(0, commands.refused(), "a firmware rejection is not a validation refusal");
    }

    @Test
    void aCommandIsAnsweredOnlyOnce() {
        commands.accept("stop", bytes("{}"));
        Command stop = commands.poll();
        commands.acknowledge(stop);

        assertThrows(IllegalStateException.class, () -> commands.reject(stop, "again"));
    }

    @Test
    void whenTheInboxIsFullTheSenderIsToldTheDeviceIsBusy() {
        commands.accept("stop", bytes("{}"));
        commands.accept("reset", bytes("{}"));

        commands.accept("snapshot", bytes("{\"id\":\"late\"}"));

        assertEquals(new Ack("snapshot", "late", "device busy: 2 commands are already waiting to be applied", true),
                commands.nextAck());
        assertEquals(2, commands.pending());
        assertEquals(1, commands.busy());
    }

    @Test
    void aBusyRefusalSaysSoInItsPayload() {
        assertEquals("{\"ok\":false,\"id\":\"b\",\"command\":\"set\",\"busy\":true,\"error\":\"full\"}",
                new String(new Ack("set", "b", "full", true).toJson(), StandardCharsets.UTF_8));
    }

    @Test
    void roomForEveryAnswerIsSetAsideSoOnlyACommandBeyondItGoesUnansweredAndIsCounted() {
        CommandProcessor small = new CommandProcessor(new CommandCatalog().specs(), 2, 3);
        small.accept("stop", bytes("{\"id\":\"1\"}"));
        small.accept("stop", bytes("{\"id\":\"2\"}"));
        small.accept("stop", bytes("{\"id\":\"3\"}"));
        small.accept("stop", bytes("{\"id\":\"4\"}"));

        small.acknowledge(small.poll());
        small.acknowledge(small.poll());

        List<String> answers = new ArrayList<>();
        for (Ack ack = small.nextAck(); ack != null; ack = small.nextAck()) {
            answers.add(ack.id() + (ack.busy() ? " busy" : ack.error() == null ? " ok" : " refused"));
        }
        assertEquals(List.of("3 busy", "1 ok", "2 ok"), answers);
        assertEquals(1, small.unanswered());
        small.accept("stop", bytes("{\"id\":\"5\"}"));
        assertEquals(1, small.pending(), "room is free again once the answers are taken");
        assertEquals(1, small.unanswered());
    }

    @Test
    void aCustomCommandCanCarryItsOwnRules() {
        CommandSpec pulse = CommandSpec.of("pulse", FieldSpec.integer("pin", 0, 40), FieldSpec.flag("high"))
                .where(c -> c.integer("pin") == 13 && c.flag("high") ? "pin 13 must stay low" : null);
        CommandProcessor custom = new CommandProcessor(List.of(pulse), 4);

        custom.accept("pulse", bytes("{\"pin\":13,\"high\":true}"));
        custom.accept("pulse", bytes("{\"pin\":12,\"high\":true}"));

        assertEquals("pin 13 must stay low", custom.nextAck().error());
        assertEquals(12, custom.poll().integer("pin"));
    }

    @Test
    void pollingAnEmptyInboxAllocatesNothing() {
        AllocationCounter.assume();
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            commands.poll();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000; i++) {
            commands.poll();
        }

        assertTrue(threads.getCurrentThreadAllocatedBytes() - before < 16L * 1_000);
    }

    private Ack refusal(String name, String payload) {
        commands.accept(name, bytes(payload));
        assertNull(commands.poll());
        return commands.nextAck();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
