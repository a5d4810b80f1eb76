package dev.aplysia.device.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A reader for flat JSON objects, on Jackson's streaming parser: every value is a string, a number,
 * {@code true}/{@code false}, {@code null}, or an array of numbers; nested objects and other arrays are refused.
 * One instance is reused for payload after payload. It runs on the thread that receives commands, never on the tick.
 *
 * <p>Errors are {@link FlatJsonException}s naming the problem and its byte offset; duplicate field names, {@code NaN},
 * raw control characters and invalid UTF-8 are errors. Numbers are read to the nearest double. Not thread safe.
 */
public final class FlatJson {

    /** The type of a field's value. */
    public enum Type { STRING, NUMBER, BOOLEAN, NULL, NUMBERS }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(3).maxNumberLength(64).build())
            .build();

    private final int maxFields;
    private final int maxChars;
    private final int maxNumbers;
    private final List<Field> fields = new ArrayList<>();
    private int charCount;
    private int numberCount;

    /** One field: its name, type and value. */
    private record Field(String name, Type type, String text, double[] numbers, boolean bool) {
    }

    /**
     * A reader for objects of at most {@code maxFields} fields whose names and strings together hold at most
     * {@code maxChars} characters and whose numbers (scalars and array elements) number at most {@code maxNumbers}.
     */
    public FlatJson(int maxFields, int maxChars, int maxNumbers) {
        this.maxFields = maxFields;
        this.maxChars = maxChars;
        this.maxNumbers = maxNumbers;
    }

    /** Parses all of {@code json}. */
    public FlatJson parse(byte[] json) {
        return parse(json, json.length);
    }

    /**
     * Parses {@code json[0, length)}, replacing what the previous parse left.
     *
     * @throws FlatJsonException if it is not one flat JSON object within the limits, nothing else around it
     */
    public FlatJson parse(byte[] json, int length) {
        fields.clear();
        charCount = 0;
        numberCount = 0;
        try (JsonParser parser = FACTORY.createParser(json, 0, length)) {
            readObject(parser);
        } catch (JsonProcessingException e) {
            fields.clear();
            throw new FlatJsonException(plain(e.getOriginalMessage()), offset(e.getLocation()));
        } catch (FlatJsonException e) {
            fields.clear();
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail", e);
        }
        return this;
    }

    private void readObject(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw refusal(parser, "expected '{' to open the object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            if (fields.size() == maxFields) {
                throw refusal(parser, "too many fields (the limit is " + maxFields + ")");
            }
            String name = countChars(parser, parser.currentName());
            fields.add(readValue(parser, name));
        }
        if (parser.nextToken() != null) {
            throw refusal(parser, "unexpected content after the object");
        }
    }

    private Field readValue(JsonParser parser, String name) throws IOException {
        JsonToken token = parser.nextToken();
        return switch (token) {
            case VALUE_STRING -> new Field(name, Type.STRING, countChars(parser, parser.getText()), null, false);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                new Field(name, Type.NUMBER, null, new double[] {readNumber(parser)}, false);
            case VALUE_TRUE, VALUE_FALSE -> new Field(name, Type.BOOLEAN, null, null, token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> new Field(name, Type.NULL, null, null, false);
            case START_ARRAY -> new Field(name, Type.NUMBERS, null, readNumbers(parser), false);
            default -> throw refusal(parser, "nested object (only flat objects are accepted)");
        };
    }

    private double[] readNumbers(JsonParser parser) throws IOException {
        List<Double> values = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw refusal(parser, "expected a number in the array (arrays hold numbers only)");
            }
            values.add(readNumber(parser));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private double readNumber(JsonParser parser) throws IOException {
        if (++numberCount > maxNumbers) {
            throw refusal(parser, "too many numbers (the limit is " + maxNumbers + ")");
        }
        return parser.getDoubleValue();
    }

    private String countChars(JsonParser parser, String text) {
        charCount += text.length();
        if (charCount > maxChars) {
            throw refusal(parser, "names and strings exceed " + maxChars + " characters");
        }
        return text;
    }

    /** Jackson's message without its notes to programmers (source locations, feature names). */
    private static String plain(String message) {
        return message.lines().findFirst().orElse("malformed JSON")
                .replaceAll(" \\(start marker at \\[Source: .*?]\\)", "")
                .replaceAll(": enable `[^`]*` to allow", "");
    }

    private static FlatJsonException refusal(JsonParser parser, String what) {
        return new FlatJsonException(what, offset(parser.currentTokenLocation()));
    }

    private static int offset(JsonLocation location) {
        return location == null ? 0 : (int) Math.max(0, location.getByteOffset());
    }

    /** Number of fields. */
    public int size() {
        return fields.size();
    }

    /** The index of the field called {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The name of field {@code i}. */
    public String name(int i) {
        return fields.get(i).name();
    }

    /** The type of field {@code i}'s value. */
    public Type type(int i) {
        return fields.get(i).type();
    }

    /** The string value of field {@code i}. */
    public String text(int i) {
        return require(i, Type.STRING).text();
    }

    /** The number value of field {@code i}. */
    public double number(int i) {
        return require(i, Type.NUMBER).numbers()[0];
    }

    /** The boolean value of field {@code i}. */
    public boolean bool(int i) {
        return require(i, Type.BOOLEAN).bool();
    }

    /** The number of elements of the array in field {@code i}. */
    public int count(int i) {
        return require(i, Type.NUMBERS).numbers().length;
    }

    /** Element {@code element} of the array in field {@code i}. */
    public double number(int i, int element) {
        double[] numbers = require(i, Type.NUMBERS).numbers();
        if (element < 0 || element >= numbers.length) {
            throw new IndexOutOfBoundsException("element " + element + " of " + numbers.length);
        }
        return numbers[element];
    }

    private Field require(int i, Type type) {
        Field field = fields.get(i);
        if (field.type() != type) {
            throw new IllegalStateException("field '" + field.name() + "' is " + field.type() + ", not " + type);
        }
        return field;
    }
}
