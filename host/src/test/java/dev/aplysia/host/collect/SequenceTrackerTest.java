package dev.aplysia.host.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    private final SequenceTracker tracker = new SequenceTracker("accuracy");

    @Test
    void consecutiveFramesLeaveNoGap() {
        accept(0, 1, 2, 3);

        assertEquals(new StreamGaps("accuracy", 4, List.of(), 0, 0), tracker.gaps());
    }

    @Test
    void eachJumpForwardIsOneMissingRange() {
        accept(0, 1, 5, 6, 9);

        StreamGaps gaps = tracker.gaps();
        assertEquals(List.of(new SeqRange(2, 4), new SeqRange(7, 8)), gaps.missing());
        assertEquals(5, gaps.missingCount());
    }

    @Test
    void theFirstFrameSeenIsTheStartNotAGap() {
        accept(40, 41);

        assertEquals(0, tracker.gaps().missingCount());
    }

    @Test
    void aStepBackIsADuplicateButAReturnToZeroIsARestart() {
        accept(0, 1, 2, 1, 2, 0, 1, 3);

        StreamGaps gaps = tracker.gaps();
        assertEquals(2, gaps.duplicates());
        assertEquals(1, gaps.restarts());
        assertEquals(List.of(new SeqRange(2, 2)), gaps.missing());
        assertEquals(8, gaps.received());
    }

    private void accept(long... seqs) {
        for (long seq : seqs) {
            tracker.accept(seq);
        }
    }
}
