package dev.aplysia.hal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"500ns, 500", "250us, 250000", "10ms, 10000000", "2s, 2000000000", "0ms, 0"})
    void parsesEachUnit(String text, long nanos) {
        assertEquals(nanos, DurationText.parseNanos(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "ms", "10 ms", "-5ms", "1.5ms", "10min", "99999999999999999s"})
    void rejectsAnythingElse(String text) {
        assertThrows(IllegalArgumentException.class, () -> DurationText.parseNanos(text));
    }
}
