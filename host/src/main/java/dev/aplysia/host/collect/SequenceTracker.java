package dev.aplysia.host.collect;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows the {@code seq} of one stream: the first frame seen sets the start; a jump forward is a gap; a 0 after
 * anything else is a device restart (its counters start at 0 after boot); any other step back is a duplicate.
 * Not thread safe.
 */
final class SequenceTracker {

    private final String stream;
    private final List<SeqRange> missing = new ArrayList<>();
    private long expected = -1;
    private long received;
    private long duplicates;
    private long restarts;

    SequenceTracker(String stream) {
        this.stream = stream;
    }

    /** Records the arrival of frame {@code seq}. */
    void accept(long seq) {
        received++;
        if (expected < 0 || seq == expected) {
            expected = seq + 1;
        } else if (seq > expected) {
            missing.add(new SeqRange(expected, seq - 1));
            expected = seq + 1;
        } else if (seq == 0) {
            restarts++;
            expected = 1;
        } else {
            duplicates++;
        }
    }

    StreamGaps gaps() {
        return new StreamGaps(stream, received, missing, duplicates, restarts);
    }
}
