package dev.aplysia.device.wire;

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
        "``                      | expected '{' to open the object                           | 0",
        "[1]                     | expected '{' to open the object                           | 0",
        "{\"a\":1                | Unexpected end-of-input: expected close marker for Object | 6",
        "{\"a\" 1}               | was expecting a colon to separate field name and value    | 5",
        "{\"a\":1,}              | was expecting double-quote to start field name            | 7",
        "{a:1}                   | was expecting double-quote to start field name            | 1",
        "{\"a\":{\"b\":1}}       | nested object (only flat objects are accepted)            | 5",
        "{\"a\":[[1]]}           | expected a number in the array (arrays hold numbers only) | 6",
        "{\"a\":[\"x\"]}         | expected a number in the array (arrays hold numbers only) | 6",
        "{\"a\":[1 2]}           | was expecting comma to separate Array entries             | 8",
        "{\"a\":\"abc}           | Unexpected end-of-input in VALUE_STRING                   | 10",
        "{\"a\":\"\\q\"}         | Unrecognized character escape 'q'                         | 7",
        "{\"a\":\"\\u12\"}       | expected a hex-digit for character escape sequence        | 10",
        "{\"a\":01}              | Leading zeroes not allowed                                | 6",
        "{\"a\":1.}              | Decimal point not followed by a digit                     | 7",
        "{\"a\":-}               | expected digit (0-9) to follow minus sign                 | 6",
        "{\"a\":1e}              | Exponent indicator not followed by a digit                | 7",
        "{\"a\":tru}             | Unrecognized token 'tru'                                  | 5",
        "{\"a\":NaN}             | Non-standard token 'NaN'                                  | 8",
        "{\"a\":1,\"a\":2}       | Duplicate field 'a'                                       | 10",
        "{\"a\":1} x             | Unrecognized token 'x'                                    | 8",
    })
    void malformedInputIsRefusedSayingWhatAndWhere(String input, String problem, int offset) {
        FlatJsonException e = assertThrows(FlatJsonException.class, () -> json.parse(bytes(input)));

        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().endsWith(" at offset " + offset), e.getMessage());
        assertFalse(e.getMessage().contains("Source:") || e.getMessage().contains("enable `"), e.getMessage());
        assertEquals(offset, e.offset());
        assertEquals(0, json.size(), "a failed parse leaves no fields behind");
    }

    @Test
    void aRawControlCharacterInAStringIsRefused() {
        FlatJsonException e = assertThrows(FlatJsonException.class, () -> json.parse(bytes("{\"a\":\"x\ny\"}")));

        assertTrue(e.getMessage().contains("CTRL-CHAR, code 10")
                && e.getMessage().contains("has to be escaped"), e.getMessage());
        assertEquals(7, e.offset());
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        byte[] truncated = {'{', '"', 'a', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}'};

        assertEquals("Invalid UTF-8 start byte 0xc0 at offset 7", assertThrows(FlatJsonException.class,
                () -> json.parse(overlong)).getMessage());
        assertTrue(assertThrows(FlatJsonException.class, () -> json.parse(truncated)).getMessage()
                .startsWith("Invalid UTF-8 middle byte"));
    }

    @Test
    void limitsAreEnforcedWithAMessage() {
        FlatJson tiny = new FlatJson(2, 8, 2);

        assertEquals("too many fields (the limit is 2) at offset 13", assertThrows(FlatJsonException.class,
                () -> tiny.parse(bytes("{\"a\":1,\"b\":2,\"c\":3}"))).getMessage());
        assertEquals("too many numbers (the limit is 2) at offset 10", assertThrows(FlatJsonException.class,
                () -> tiny.parse(bytes("{\"a\":[1,2,3]}"))).getMessage());
        assertEquals("names and strings exceed 8 characters at offset 5", assertThrows(FlatJsonException.class,
                () -> tiny.parse(bytes("{\"a\":\"12345678\"}"))).getMessage());
    }

    @Test
    void readingAValueAsTheWrongTypeIsAProgrammingError() {
        json.parse(bytes("{\"a\":1}"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> json.text(0));
        assertEquals("field 'a' is NUMBER, not STRING", e.getMessage());
    }


    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
