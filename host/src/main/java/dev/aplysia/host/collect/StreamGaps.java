package dev.aplysia.host.collect;

import java.util.List;

/**
 * What arrived of one telemetry stream, judged by {@code seq}, counted from the first frame the collector saw.
 *
 * @param received   frames that arrived, duplicates included
 * @param missing    the runs of {@code seq} skipped between arrivals, oldest first
 * @param duplicates frames whose {@code seq} was not above the last one seen (and not a restart)
 * @param restarts   times {@code seq} started again at 0: the device rebooted
 */
public record StreamGaps(String stream, long received, List<SeqRange> missing, long duplicates, long restarts) {

    public StreamGaps {
        missing = List.copyOf(missing);
    }

    /** The number of frames that never arrived. */
    public long missingCount() {
        return missing.stream().mapToLong(SeqRange::count).sum();
    }
}
