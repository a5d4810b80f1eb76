package dev.aplysia.device.persist;

import java.util.ArrayList;
import java.util.List;

/**
 * What a store knows its slots hold, and which one the next save may write: never the slot of the newest valid
 * snapshot, nor one it could not read (its content is unknown, so it is left alone); among the others, an empty or
 * unusable slot first, then the oldest valid one. With three slots and at most one unreadable, the two newest valid
 * snapshots are never touched while a third slot is writable, so a save cut at any point leaves both intact.
 */
final class Slots {

    /** What a slot holds. */
    enum Content { EMPTY, VALID, UNUSABLE, UNREADABLE }

    private final Content[] contents;
    private final long[] ticks;
    private final String[] reasons;

    /** {@code count} slots, all empty. */
    Slots(int count) {
        contents = new Content[count];
        ticks = new long[count];
        reasons = new String[count];
        java.util.Arrays.fill(contents, Content.EMPTY);
    }

    /** Records what slot {@code slot} holds: a valid snapshot's tick, or why it is unusable or unreadable. */
    void set(int slot, Content content, long tick, String reason) {
        contents[slot] = content;
        ticks[slot] = tick;
        reasons[slot] = reason;
    }

    /** The slot the next save writes, or -1 when every slot is the newest valid one or unreadable. */
    int target() {
        int newest = newestValid(-1);
        int second = newestValid(newest);
        int best = -1;
        for (int slot = 0; slot < contents.length; slot++) {
            if (slot != newest && contents[slot] != Content.UNREADABLE
                    && (best < 0 || better(slot, best, second))) {
                best = slot;
            }
        }
        return best;
    }

    /** Why slots cannot be read, for the message of a save that found no slot to write. */
    List<String> unreadable(List<String> names) {
        List<String> unreadable = new ArrayList<>();
        for (int slot = 0; slot < contents.length; slot++) {
            if (contents[slot] == Content.UNREADABLE) {
                unreadable.add(names.get(slot) + ": " + reasons[slot]);
            }
        }
        return unreadable;
    }

    private boolean better(int slot, int than, int second) {
        int rank = rank(slot, second);
        int thanRank = rank(than, second);
        return rank < thanRank || rank == thanRank && contents[slot] == Content.VALID && ticks[slot] < ticks[than];
    }

    /** 0 for an empty or unusable slot, 1 for a valid one older than the two newest, 2 for the second newest. */
    private int rank(int slot, int second) {
        if (contents[slot] != Content.VALID) {
            return 0;
        }
        return slot == second ? 2 : 1;
    }

    private int newestValid(int except) {
        int newest = -1;
        for (int slot = 0; slot < contents.length; slot++) {
            if (slot != except && contents[slot] == Content.VALID && (newest < 0 || ticks[slot] > ticks[newest])) {
                newest = slot;
            }
        }
        return newest;
    }
}
