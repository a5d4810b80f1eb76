package dev.aplysia.host.collect;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which frames of which streams arrived, and how often, over any number of {@link FleetCollector}s: the members of a
 * shared subscription each see part of a stream, in an order of their own, so gaps are judged here, on the union, by
 * the set of {@code seq} seen (from 0, the first frame after boot: the collectors must have subscribed before the
 * devices started). Thread safe.
 */
public final class FrameLedger implements FleetCollector.FrameListener {

    private final Map<String, BitSet> seen = new HashMap<>();
    private final Map<String, Long> repeats = new HashMap<>();

    @Override
    public synchronized void onFrame(String device, String stream, long seq) {
        if (seq < 0 || seq > Integer.MAX_VALUE) {
            return;
        }
        String key = device + "/" + stream;
        BitSet frames = seen.computeIfAbsent(key, k -> new BitSet());
        if (frames.get((int) seq)) {
            repeats.merge(key, 1L, Long::sum);
        } else {
            frames.set((int) seq);
        }
    }

    /** Distinct frames of the streams ({@code device/stream}) that {@code streams} accepts. */
    public synchronized long distinct(Predicate<String> streams) {
        return seen.entrySet().stream().filter(e -> streams.test(e.getKey()))
                .mapToLong(e -> e.getValue().cardinality()).sum();
    }

    /** Frames that arrived more than once (each extra arrival counted), of the streams {@code streams} accepts. */
    public synchronized long duplicates(Predicate<String> streams) {
        return repeats.entrySet().stream().filter(e -> streams.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    /** Frames below the highest {@code seq} seen of each accepted stream that never arrived. */
    public synchronized long missing(Predicate<String> streams) {
        return seen.entrySet().stream().filter(e -> streams.test(e.getKey()))
                .mapToLong(e -> e.getValue().length() - e.getValue().cardinality()).sum();
    }
}
