package dev.aplysia.device.telemetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlatJsonTest {

    private final FlatJson json = new FlatJson(8, 64, 8);

    @Test
    void readsEveryKindOfValue() {
        json.parse(bytes(" { \"s\" : \"hi\", \"n\":-12.5e1, \"t\":true, \"f\":false, \"z\":null, "
                + "\"a\":[1, -2.5, 3e0] } "));

        assertEquals(6, json.size());
        assertEquals("hi", json.text(json.indexOf("s")));
        assertEquals(-125.0, json.number(json.indexOf("n")));
        assertTrue(json.bool(json.indexOf("t")));
        assertFalse(json.bool(json.indexOf("f")));
        assertEquals(FlatJson.Type.NULL, json.type(json.indexOf("z")));
        int a = json.indexOf("a");
        assertEquals(3, json.count(a));
        assertArrayEquals(new double[] {1, -2.5, 3}, new double[] {json.number(a, 0), json.number(a, 1),
            json.number(a, 2)});
        assertEquals(-1, json.indexOf("missing"));
    }

    @Test
    void anEmptyObjectAndAnEmptyArrayAreFine() {
        assertEquals(0, json.parse(bytes("{}")).size());
        assertEquals(0, json.count(json.parse(bytes("{\"w\":[]}")).indexOf("w")));
    }

    @Test
    void decimalNumbersAreReadToTheNearestDouble() {
        json.parse(bytes("{\"a\":0.1,\"b\":123456.7891,\"c\":-0.000001,\"d\":12345678901234567890,\"e\":1.5E-3}"));

        assertEquals(0.1, json.number(0));
        assertEquals(123456.7891, json.number(1));
        assertEquals(-0.000001, json.number(2));
        assertEquals(12345678901234567890.0, json.number(3));
        assertEquals(0.0015, json.number(4));
    }

    @Test
    void escapesAndMultiByteCharactersAreDecoded() {
        json.parse(bytes("{\"s\":\"q\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9 é 𝄞 \\ud834\\udd1e\"}"));

        assertEquals("q\"\\/\b\f\n\r\té é 𝄞 𝄞", json.text(0));
    }

    @Test
    void eachParseReplacesThePreviousOne() {
        json.parse(bytes("{\"a\":1,\"b\":2}"));
        json.parse(bytes("{\"c\":\"x\"}"));

        assertEquals(1, json.size());
        assertEquals("c", json.name(0));
        assertEquals(-1, json.indexOf("a"));
    }

    @Test
    void onlyTheGivenLengthOfTheBufferIsRead() {
        byte[] buffer = bytes("{\"a\":1}garbage");

        assertEquals(1, json.parse(buffer, 7).size());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                      | expected '{' to open the object, found the end of the payload at offset 0",
        "[1]                     | expected '{' to open the object, found '[' at offset 0",
        "{\"a\":1                | expected ',' or '}' after a value, found the end of the payload at offset 6",
        "{\"a\" 1}               | expected ':' after the field name, found '1' at offset 5",
        "{\"a\":1,}              | expected '\"' to start a field name, found '}' at offset 7",
        "{a:1}                   | expected '\"' to start a field name, found 'a' at offset 1",
        "{\"a\":{\"b\":1}}       | nested object (only flat objects are accepted) at offset 5",
        "{\"a\":[[1]]}           | nested array or object (arrays hold numbers only) at offset 6",
        "{\"a\":[\"x\"]}         | expected a number in the array, found '\"' at offset 6",
        "{\"a\":[1 2]}           | expected ',' or ']' in the array, found '2' at offset 8",
        "{\"a\":\"abc}           | unterminated string at offset 5",
        "{\"a\":\"\\q\"}         | invalid escape in a string at offset 6",
        "{\"a\":\"\\u12\"}       | invalid \\u escape (needs four hex digits) at offset 6",
        "{\"a\":01}              | leading zero in a number at offset 5",
        "{\"a\":1.}              | expected a digit after the decimal point, found '}' at offset 7",
        "{\"a\":-}               | expected a digit, found '}' at offset 6",
        "{\"a\":1e}              | expected a digit in the exponent, found '}' at offset 7",
        "{\"a\":tru}             | expected a value, found 't' at offset 5",
        "{\"a\":NaN}             | expected a value, found 'N' at offset 5",
        "{\"a\":1,\"a\":2}       | duplicate field \"a\" at offset 7",
        "{\"a\":1} x             | unexpected 'x' after the object at offset 8",
    })
    void malformedInputIsRefusedSayingWhatAndWhere(String input, String message) {
        FlatJsonException e = assertThrows(FlatJsonException.class, () -> json.parse(bytes(input)));

        assertEquals(message, e.getMessage());
        assertEquals(Integer.parseInt(message.substring(message.lastIndexOf(' ') + 1)), e.offset());
        assertEquals(0, json.size(), "a failed parse leaves no fields behind");
    }

    @Test
    void aRawControlCharacterInAStringIsRefused() {
        FlatJsonException e = assertThrows(FlatJsonException.class, () -> json.parse(bytes("{\"a\":\"x\ny\"}")));

        assertEquals("control character byte 0x0a in a string (escape it) at offset 7", e.getMessage());
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        byte[] truncated = {'{', '"', 'a', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}'};

        assertEquals("invalid UTF-8 at offset 6", assertThrows(FlatJsonException.class,
                () -> json.parse(overlong)).getMessage());
        assertEquals("invalid UTF-8 at offset 6", assertThrows(FlatJsonException.class,
                () -> json.parse(truncated)).getMessage());
    }

    @Test
    void limitsAreEnforcedWithAMessage() {
        FlatJson tiny = new FlatJson(2, 8, 2);

        assertEquals("too many fields (the limit is 2) at offset 13", assertThrows(FlatJsonException.class,
                () -> tiny.parse(bytes("{\"a\":1,\"b\":2,\"c\":3}"))).getMessage());
        assertEquals("too many numbers (the limit is 2) at offset 11", assertThrows(FlatJsonException.class,
                () -> tiny.parse(bytes("{\"a\":[1,2,3]}"))).getMessage());
        assertEquals("names and strings exceed 8 characters at offset 13", assertThrows(FlatJsonException.class,
                () -> tiny.parse(bytes("{\"a\":\"12345678\"}"))).getMessage());
    }

    @Test
    void readingAValueAsTheWrongTypeIsAProgrammingError() {
        json.parse(bytes("{\"a\":1}"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> json.text(0));
        assertEquals("field 'a' is NUMBER, not STRING", e.getMessage());
    }

    @Test
    void parsingNumbersAndBooleansAllocatesNothing() {
        FrameWriterTest.assumeAllocationCounter();
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        byte[] payload = bytes("{\"value\":0.125,\"offset\":64,\"weights\":[0.5,-0.25,1],\"on\":true}");
        for (int i = 0; i < 20_000; i++) {
            json.parse(payload);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000; i++) {
            json.parse(payload);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(allocated < 16L * 1_000, allocated + " bytes for 1000 parses");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
