package dev.aplysia.host.collect;

/**
 * The frames {@code first..last} (inclusive) of a stream that never arrived.
 *
 * @param first the first missing {@code seq}
 * @param last  the last missing {@code seq}, {@code >= first}
 */
public record SeqRange(long first, long last) {

    public SeqRange {
        if (last < first) {
            throw new IllegalArgumentException("empty range " + first + ".." + last);
        }
    }

    /** How many frames the range spans. */
    public long count() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
