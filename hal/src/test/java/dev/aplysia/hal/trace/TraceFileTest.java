package dev.aplysia.hal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.EchoFirmware;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.TestBoards;
import dev.aplysia.hal.sim.SimBoard;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFileTest {

    @TempDir
    Path dir;

    /** Records 200 ticks of the echo firmware, the sonar sweeping, into {@code file}. */
    private static void record(Path file) throws HalException, IOException {
        SimBoard sim = SimBoard.of(TestBoards.config());
        try (Writer out = TraceFile.create(file); TraceRecorder recorder = new TraceRecorder(sim, TestTraces.HEADER,
                out)) {
            EchoFirmware firmware = new EchoFirmware(recorder);
            for (int tick = 0; tick < 200; tick++) {
                sim.analogInput("sonar0").drive(tick * 5);
                firmware.tick();
            }
        }
    }

    @Test
    void aRecordingIsWrittenGzipCompressedWithItsHeaderFirst() throws Exception {
        Path file = dir.resolve("run.trace");
        record(file);

        byte[] bytes = Files.readAllBytes(file);
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes(),
                StandardCharsets.UTF_8);

        assertEquals(0x1f, bytes[0] & 0xff);
        assertEquals(0x8b, bytes[1] & 0xff);
        assertTrue(text.startsWith(TestTraces.HEADER.line() + "\n"), text);
        assertEquals(TestTraces.HEADER, TraceFile.load(file).header());
    }

    @Test
    void aTraceUnpackedToPlainTextLoadsTheSame() throws Exception {
        Path file = dir.resolve("run.trace.gz");
        record(file);
        Path plain = dir.resolve("run.trace");
        Files.write(plain, new GZIPInputStream(Files.newInputStream(file)).readAllBytes());

        assertEquals(TraceFile.load(file).entries(), TraceFile.load(plain).entries());
    }

    @Test
    void aTruncatedTraceFileIsRefusedNamingTheLineWhereItIsCutOff() throws Exception {
        Path file = dir.resolve("run.trace");
        record(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        HalException e = assertThrows(HalException.class, () -> TraceFile.load(file));

        assertEquals(ErrorKind.CORRUPT, e.kind());
        assertTrue(e.getMessage().matches("\\Q" + file + "\\E:\\d+: cut short: the gzip stream ends before its"
                + " trailer .*"), e.getMessage());
    }

    @Test
    void aTraceFileWhoseChecksumDisagreesIsRefusedAsCorrupt() throws Exception {
        Path file = dir.resolve("run.trace");
        record(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 8] ^= 1;
        Files.write(file, bytes);

        HalException e = assertThrows(HalException.class, () -> TraceFile.load(file));

        assertEquals(ErrorKind.CORRUPT, e.kind());
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt gzip stream (Corrupt GZIP trailer)"), e.getMessage());
    }

    @Test
    void aTraceFileDamagedInsideIsRefusedAsCorrupt() throws Exception {
        Path file = dir.resolve("run.trace");
        record(file);
        byte[] bytes = Files.readAllBytes(file);
        Arrays.fill(bytes, 20, 40, (byte) 0xff);
        Files.write(file, bytes);

        HalException e = assertThrows(HalException.class, () -> TraceFile.load(file));

        assertEquals(ErrorKind.CORRUPT, e.kind());
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
    }

    @Test
    void aMissingTraceFileIsAnIoError() {
        HalException e = assertThrows(HalException.class, () -> TraceFile.load(dir.resolve("none.trace")));

        assertEquals(ErrorKind.IO, e.kind());
    }
}
