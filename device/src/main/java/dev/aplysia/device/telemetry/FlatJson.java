package dev.aplysia.device.telemetry;

import java.nio.charset.StandardCharsets;

/**
 * A reader for flat JSON objects: every value is a string, a number, {@code true}/{@code false}, {@code null}, or an
 * array of numbers; nested objects and other arrays are refused. One instance is reused for payload after payload:
 * names, strings and numbers go into pools sized at construction, so parsing allocates nothing except when a number
 * has an exponent or more than 15 significant digits ({@link Double#parseDouble} then reads it).
 *
 * <p>Errors are {@link FlatJsonException}s naming the problem and its byte offset; duplicate field names are errors.
 * Numbers are read to the nearest double. Not thread safe.
 */
public final class FlatJson {

    /** The type of a field's value. */
    public enum Type { STRING, NUMBER, BOOLEAN, NULL, NUMBERS }

    /** Up to this many digits, digits and power of ten are exact doubles, so one division rounds correctly. */
    private static final int EXACT_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    private final Type[] types;
    private final int[] nameStart;
    private final int[] nameLength;
    /** For strings: start in {@link #chars}; for numbers and arrays: start in {@link #numbers}. */
    private final int[] valueStart;
    /** For strings: char count; for arrays: element count; for booleans: 1 if true. */
    private final int[] valueLength;
    private final char[] chars;
    private final double[] numbers;

    private byte[] in;
    private int end;
    private int pos;
    private int size;
    private int charCount;
    private int numberCount;

    /**
     * A reader for objects of at most {@code maxFields} fields whose names and strings together hold at most
     * {@code maxChars} characters and whose numbers (scalars and array elements) number at most {@code maxNumbers}.
     */
    public FlatJson(int maxFields, int maxChars, int maxNumbers) {
        types = new Type[maxFields];
        nameStart = new int[maxFields];
        nameLength = new int[maxFields];
        valueStart = new int[maxFields];
        valueLength = new int[maxFields];
        chars = new char[maxChars];
        numbers = new double[maxNumbers];
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
        in = json;
        end = length;
        pos = 0;
        size = 0;
        charCount = 0;
        numberCount = 0;
        try {
            readObject();
        } catch (FlatJsonException e) {
            size = 0;
            throw e;
        }
        return this;
    }

    /** Number of fields. */
    public int size() {
        return size;
    }

    /** The index of the field called {@code name}, or -1. Allocates nothing. */
    public int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (nameEquals(i, name)) {
                return i;
            }
        }
        return -1;
    }

    /** The name of field {@code i} (allocates the string). */
    public String name(int i) {
        check(i);
        return new String(chars, nameStart[i], nameLength[i]);
    }

    /** The type of field {@code i}'s value. */
    public Type type(int i) {
        check(i);
        return types[i];
    }

    /** The string value of field {@code i} (allocates the string). */
    public String text(int i) {
        require(i, Type.STRING);
        return new String(chars, valueStart[i], valueLength[i]);
    }

    /** The number value of field {@code i}. */
    public double number(int i) {
        require(i, Type.NUMBER);
        return numbers[valueStart[i]];
    }

    /** The boolean value of field {@code i}. */
    public boolean bool(int i) {
        require(i, Type.BOOLEAN);
        return valueLength[i] == 1;
    }

    /** The number of elements of the array in field {@code i}. */
    public int count(int i) {
        require(i, Type.NUMBERS);
        return valueLength[i];
    }

    /** Element {@code element} of the array in field {@code i}. */
    public double number(int i, int element) {
        require(i, Type.NUMBERS);
        if (element < 0 || element >= valueLength[i]) {
            throw new IndexOutOfBoundsException("element " + element + " of " + valueLength[i]);
        }
        return numbers[valueStart[i] + element];
    }

    private boolean nameEquals(int i, String name) {
        if (nameLength[i] != name.length()) {
            return false;
        }
        for (int k = 0; k < nameLength[i]; k++) {
            if (chars[nameStart[i] + k] != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("field " + i + " of " + size);
        }
    }

    private void require(int i, Type type) {
        check(i);
        if (types[i] != type) {
            throw new IllegalStateException("field '" + name(i) + "' is " + types[i] + ", not " + type);
        }
    }

    private void readObject() {
        skipSpace();
        expect('{', "expected '{' to open the object");
        skipSpace();
        if (peek() == '}') {
            pos++;
        } else {
            readFields();
        }
        skipSpace();
        if (pos < end) {
            throw error("unexpected " + describe(in[pos]) + " after the object");
        }
    }

    private void readFields() {
        while (true) {
            readField();
            skipSpace();
            int c = peek();
            pos++;
            if (c == '}') {
                return;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' after a value, found " + describeAt());
            }
            skipSpace();
        }
    }

    private void readField() {
        int at = pos;
        if (size == types.length) {
            throw error("too many fields (the limit is " + types.length + ")");
        }
        if (peek() != '"') {
            throw error("expected '\"' to start a field name, found " + describeAt());
        }
        int start = charCount;
        readString();
        nameStart[size] = start;
        nameLength[size] = charCount - start;
        for (int i = 0; i < size; i++) {
            if (nameLength[i] == nameLength[size]
                    && java.util.Arrays.equals(chars, nameStart[i], nameStart[i] + nameLength[i], chars, start,
                    charCount)) {
                throw new FlatJsonException("duplicate field \"" + new String(chars, start, charCount - start) + "\"",
                        at);
            }
        }
        skipSpace();
        expect(':', "expected ':' after the field name");
        skipSpace();
        readValue();
        size++;
    }

    private void readValue() {
        int c = peek();
        if (c == '"') {
            types[size] = Type.STRING;
            valueStart[size] = charCount;
            readString();
            valueLength[size] = charCount - valueStart[size];
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            types[size] = Type.NUMBER;
            valueStart[size] = numberCount;
            storeNumber(readNumber());
        } else if (c == '[') {
            readArray();
        } else if (c == '{') {
            throw error("nested object (only flat objects are accepted)");
        } else {
            readLiteral();
        }
    }

    private void readLiteral() {
        if (matches("true")) {
            types[size] = Type.BOOLEAN;
            valueLength[size] = 1;
        } else if (matches("false")) {
            types[size] = Type.BOOLEAN;
            valueLength[size] = 0;
        } else if (matches("null")) {
            types[size] = Type.NULL;
        } else {
            throw error("expected a value, found " + describeAt());
        }
    }

    private boolean matches(String literal) {
        if (end - pos < literal.length()) {
            return false;
        }
        for (int k = 0; k < literal.length(); k++) {
            if (in[pos + k] != literal.charAt(k)) {
                return false;
            }
        }
        pos += literal.length();
        return true;
    }

    private void readArray() {
        pos++;
        types[size] = Type.NUMBERS;
        valueStart[size] = numberCount;
        skipSpace();
        if (peek() == ']') {
            pos++;
            valueLength[size] = 0;
            return;
        }
        while (true) {
            int c = peek();
            if (c != '-' && (c < '0' || c > '9')) {
                throw error(c == '[' || c == '{' ? "nested array or object (arrays hold numbers only)"
                        : "expected a number in the array, found " + describeAt());
            }
            storeNumber(readNumber());
            skipSpace();
            c = peek();
            pos++;
            if (c == ']') {
                valueLength[size] = numberCount - valueStart[size];
                return;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in the array, found " + describeAt());
            }
            skipSpace();
        }
    }

    private void storeNumber(double value) {
        if (numberCount == numbers.length) {
            throw error("too many numbers (the limit is " + numbers.length + ")");
        }
        numbers[numberCount++] = value;
    }

    /** Reads a number per the JSON grammar, to the nearest double. */
    private double readNumber() {
        int start = pos;
        boolean negative = peek() == '-';
        if (negative) {
            pos++;
        }
        int digitsStart = pos;
        long mantissa = readDigits();
        int intDigits = pos - digitsStart;
        if (intDigits == 0) {
            throw error("expected a digit, found " + describeAt());
        }
        if (intDigits > 1 && in[digitsStart] == '0') {
            throw new FlatJsonException("leading zero in a number", start);
        }
        int fractionDigits = 0;
        if (peek() == '.') {
            pos++;
            int fractionStart = pos;
            mantissa = readDigits(mantissa);
            fractionDigits = pos - fractionStart;
            if (fractionDigits == 0) {
                throw error("expected a digit after the decimal point, found " + describeAt());
            }
        }
        boolean exponent = peek() == 'e' || peek() == 'E';
        if (exponent) {
            readExponent();
        }
        if (exponent || intDigits + fractionDigits > EXACT_DIGITS) {
            return Double.parseDouble(new String(in, start, pos - start, StandardCharsets.US_ASCII));
        }
        double value = mantissa / POWERS_OF_TEN[fractionDigits];
        return negative ? -value : value;
    }

    private void readExponent() {
        pos++;
        if (peek() == '+' || peek() == '-') {
            pos++;
        }
        int from = pos;
        readDigits();
        if (pos == from) {
            throw error("expected a digit in the exponent, found " + describeAt());
        }
    }

    private long readDigits() {
        return readDigits(0);
    }

    /** Reads digits, appending them to {@code value}; the result only counts up to {@value #EXACT_DIGITS} digits. */
    private long readDigits(long value) {
        while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
            value = value < Long.MAX_VALUE / 10 ? value * 10 + (in[pos] - '0') : value;
            pos++;
        }
        return value;
    }

    private void readString() {
        int start = pos;
        pos++;
        while (true) {
            if (pos >= end) {
                throw new FlatJsonException("unterminated string", start);
            }
            int b = in[pos] & 0xFF;
            if (b == '"') {
                pos++;
                return;
            }
            if (b == '\\') {
                readEscape();
            } else if (b < 0x20) {
                throw error("control character " + describe(in[pos]) + " in a string (escape it)");
            } else if (b < 0x80) {
                putChar((char) b);
                pos++;
            } else {
                readUtf8(b);
            }
        }
    }

    private void readEscape() {
        int at = pos;
        pos++;
        int c = pos < end ? in[pos] : -1;
        pos++;
        switch (c) {
            case '"', '\\', '/' -> putChar((char) c);
            case 'b' -> putChar('\b');
            case 'f' -> putChar('\f');
            case 'n' -> putChar('\n');
            case 'r' -> putChar('\r');
            case 't' -> putChar('\t');
            case 'u' -> putChar(readHex4(at));
            default -> throw new FlatJsonException("invalid escape in a string", at);
        }
    }

    private char readHex4(int at) {
        if (end - pos < 4) {
            throw new FlatJsonException("invalid \\u escape (needs four hex digits)", at);
        }
        int value = 0;
        for (int k = 0; k < 4; k++) {
            int digit = Character.digit(in[pos++], 16);
            if (digit < 0) {
                throw new FlatJsonException("invalid \\u escape (needs four hex digits)", at);
            }
            value = value << 4 | digit;
        }
        return (char) value;
    }

    /** Decodes one UTF-8 sequence starting with lead byte {@code b}, refusing overlong and surrogate encodings. */
    private void readUtf8(int b) {
        int at = pos;
        int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
        if (extra < 0 || b > 0xF4 || end - pos <= extra) {
            throw new FlatJsonException("invalid UTF-8", at);
        }
        int cp = b & (0x3F >> extra);
        for (int k = 1; k <= extra; k++) {
            int next = in[pos + k] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                throw new FlatJsonException("invalid UTF-8", at);
            }
            cp = cp << 6 | (next & 0x3F);
        }
        int min = extra == 1 ? 0x80 : extra == 2 ? 0x800 : 0x10000;
        if (cp < min || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw new FlatJsonException("invalid UTF-8", at);
        }
        pos += extra + 1;
        if (cp >= 0x10000) {
            putChar(Character.highSurrogate(cp));
            putChar(Character.lowSurrogate(cp));
        } else {
            putChar((char) cp);
        }
    }

    private void putChar(char c) {
        if (charCount == chars.length) {
            throw error("names and strings exceed " + chars.length + " characters");
        }
        chars[charCount++] = c;
    }

    private void skipSpace() {
        while (pos < end && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
            pos++;
        }
    }

    private int peek() {
        return pos < end ? in[pos] & 0xFF : -1;
    }

    private void expect(char c, String message) {
        if (peek() != c) {
            throw error(message + ", found " + describeAt());
        }
        pos++;
    }

    private String describeAt() {
        return pos < end ? describe(in[pos]) : "the end of the payload";
    }

    private static String describe(byte b) {
        int c = b & 0xFF;
        return c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
    }

    private FlatJsonException error(String what) {
        return new FlatJsonException(what, pos);
    }
}
