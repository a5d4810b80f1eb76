package dev.aplysia.device.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.device.persist.Slots.Content;
import org.junit.jupiter.api.Test;

/** Which slot a save writes: never the newest valid snapshot or an unreadable slot; the second newest last. */
class SlotsTest {

    private static Slots slots(Content a, long tickA, Content b, long tickB, Content c, long tickC) {
        Slots slots = new Slots(3);
        slots.set(0, a, tickA, null);
        slots.set(1, b, tickB, null);
        slots.set(2, c, tickC, null);
        return slots;
    }

    @Test
    void emptySlotsFillInOrder() {
        assertEquals(0, new Slots(3).target());
        assertEquals(1, slots(Content.VALID, 10, Content.EMPTY, -1, Content.EMPTY, -1).target());
    }

    @Test
    void withThreeValidSnapshotsTheOldestIsWritten() {
        assertEquals(1, slots(Content.VALID, 30, Content.VALID, 10, Content.VALID, 20).target());
    }

    @Test
    void anUnusableSlotIsWrittenBeforeAnyValidOne() {
        assertEquals(2, slots(Content.VALID, 30, Content.VALID, 10, Content.UNUSABLE, -1).target());
    }

    @Test
    void afterAFallbackTheBadSlotIsWrittenAndTheLoadedOneKept() {
        assertEquals(1, slots(Content.VALID, 10, Content.UNUSABLE, -1, Content.EMPTY, -1).target());
    }

    @Test
    void anUnreadableSlotIsNeverWrittenEvenIfThatCostsTheSecondNewest() {
        assertEquals(1, slots(Content.UNREADABLE, -1, Content.VALID, 10, Content.VALID, 20).target());
    }

    @Test
    void noSlotIsWrittenWhenTheOnlyReadableOneHoldsTheNewest() {
        assertEquals(-1, slots(Content.UNREADABLE, -1, Content.VALID, 10, Content.UNREADABLE, -1).target());
    }
}
