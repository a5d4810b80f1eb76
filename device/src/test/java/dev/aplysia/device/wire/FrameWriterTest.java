package dev.aplysia.device.wire;

import dev.aplysia.device.AllocationCounter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrameWriterTest {

    private final FrameWriter writer = new FrameWriter(256);

    @Test
    void writesEachKindOfValue() {
        writer.begin().field("n", -42L).field("x", 3.14159, 3).field("ok", true).field("name", "digits")
                .field("none", (String) null).field("shape", new int[] {9, 64, 100, 10}, 1, 3).end();

        assertEquals("{\"n\":-42,\"x\":3.142,\"ok\":true,\"name\":\"digits\",\"none\":null,\"shape\":[64,100,10]}",
                writer.toString());
    }

    @Test
    void anEmptyObjectIsTwoBraces() {
        assertEquals("{}", writer.begin().end().toString());
    }

    @Test
    void decimalsAreFixedAndRoundedHalfAwayFromZero() {
        writer.begin().field("a", 0.5, 3).field("b", -0.0625, 3).field("c", 2.0, 0).field("d", -0.0004, 3)
                .field("e", 1e-9, 9).field("f", 12.5, 0).end();

        assertEquals("{\"a\":0.500,\"b\":-0.063,\"c\":2,\"d\":0.000,\"e\":0.000000001,\"f\":13}", writer.toString());
    }

    @Test
    void numbersJsonCannotHoldAreWrittenAsNull() {
        writer.begin().field("nan", Double.NaN, 2).field("inf", Double.NEGATIVE_INFINITY, 2)
                .field("huge", 1e300, 0).end();

        assertEquals("{\"nan\":null,\"inf\":null,\"huge\":null}", writer.toString());
    }

    @Test
    void longExtremesAreWrittenExactly() {
        writer.begin().field("min", Long.MIN_VALUE).field("max", Long.MAX_VALUE).field("zero", 0L).end();

        assertEquals("{\"min\":-9223372036854775808,\"max\":9223372036854775807,\"zero\":0}", writer.toString());
    }

    @Test
    void stringsAreEscapedAndEncodedAsUtf8() {
        writer.begin().field("s", "q\"b\\n\nt\tc\u0001 é 𝄞").end();

        assertEquals("{\"s\":\"q\\\"b\\\\n\\nt\\tc\\u0001 é 𝄞\"}", new String(writer.toByteArray(),
                StandardCharsets.UTF_8));
    }

    @Test
    void anUnpairedSurrogateIsEscapedRatherThanWrittenAsInvalidUtf8() {
        writer.begin().field("s", "a\ud800b").end();

        assertEquals("{\"s\":\"a\\ud800b\"}", writer.toString());
    }

    @Test
    void overflowingTheBufferSaysHowLargeItIsAndWhatWasWritten() {
        FrameWriter small = new FrameWriter(16);
        small.begin().field("seq", 1L);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> small.field("text", "too long"));
        assertEquals("frame exceeds its 16 bytes; the object so far: {\"seq\":1,\"text\":", e.getMessage());
    }

    @Test
    void writingWithoutBeginIsRefused() {
        assertThrows(IllegalStateException.class, () -> writer.field("a", 1L));
        writer.begin().end();
        assertThrows(IllegalStateException.class, writer::end);
    }

    @Test
    void decimalsBeyondNineAreRefused() {
        writer.begin();
        assertThrows(IllegalArgumentException.class, () -> writer.field("x", 1.0, 10));
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBack() {
        SplittableRandom random = new SplittableRandom(7);
        FlatJson reader = new FlatJson(8, 256, 16);
        for (int trial = 0; trial < 2_000; trial++) {
            long n = random.nextLong(-(1L << 53), 1L << 53);
            double x = (random.nextDouble() - 0.5) * 2e6;
            String s = randomText(random);
            writer.begin().field("n", n).field("x", x, 4).field("s", s).field("b", trial % 2 == 0).end();

            reader.parse(writer.buffer(), writer.length());

            assertEquals(n, (long) reader.number(reader.indexOf("n")));
            assertEquals(Math.signum(x) * Math.round(Math.abs(x) * 1e4) / 1e4, reader.number(reader.indexOf("x")),
                    writer.toString());
            assertEquals(s, reader.text(reader.indexOf("s")));
            assertEquals(trial % 2 == 0, reader.bool(reader.indexOf("b")));
        }
    }

    @Test
    void writingAFrameAllocatesNothing() {
        AllocationCounter.assume();
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            writeFrame(i);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000; i++) {
            writeFrame(i);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(allocated < 16L * 1_000, allocated + " bytes for 1000 frames");
    }

    private void writeFrame(int i) {
        writer.begin().field("seq", (long) i).field("acc", i / 1000.0, 3).field("phase", "train").field("on", true)
                .end();
    }


    private static String randomText(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            s.appendCodePoint(kind == 0 ? random.nextInt(0x20) : kind == 1 ? 0x20 + random.nextInt(0x5F)
                    : kind == 2 ? 0xA0 + random.nextInt(0x700) : 0x1F300 + random.nextInt(0x100));
        }
        return s.toString();
    }
}
