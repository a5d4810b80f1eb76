package dev.aplysia.device.persist;

import dev.aplysia.device.core.Network;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a network's snapshots on a board's {@link Storage} so that a power cut at any moment loses at most one
 * checkpoint interval of learning and never leaves a corrupt snapshot loaded.
 *
 * <p>Saving writes {@value #NEW}, then renames {@value #CURRENT} to {@value #PREVIOUS}, then {@value #NEW} to
 * {@value #CURRENT}. Whatever step a power cut interrupts, at least one of the three blobs holds a complete
 * snapshot: the newest complete one is either the one being written or the one before it. Booting checks every
 * candidate and loads the one with the highest tick that passes {@link SnapshotCodec#check}; each rejected one is
 * reported with its reason.
 */
public final class SnapshotStore {

    /** Blob being written. */
    public static final String NEW = "snapshot.new";
    /** Last complete snapshot. */
    public static final String CURRENT = "snapshot.current";
    /** The one before it. */
    public static final String PREVIOUS = "snapshot.previous";

    private final Storage storage;
    private SnapshotWriter writer;

    /** A store over {@code storage}. */
    public SnapshotStore(Storage storage) {
        this.storage = storage;
    }

    /** What booting found. */
    public record Boot(Optional<String> loaded, long tick, List<String> rejected) {
    }

    /**
     * Saves {@code network}'s state. On a storage failure the previous snapshots are still there. Encoding reuses one
     * buffer per network, so saving allocates nothing in the firmware (the storage may copy what it keeps).
     */
    public void save(Network network) throws HalException {
        if (writer == null || writer.network() != network) {
            writer = new SnapshotWriter(network);
        }
        storage.write(NEW, writer.encode());
        try {
            storage.rename(CURRENT, PREVIOUS);
        } catch (HalException e) {
            if (e.kind() != ErrorKind.NOT_FOUND) {
                throw e;
            }
        }
        storage.rename(NEW, CURRENT);
    }

    /**
     * Loads the newest valid snapshot into {@code network}; with none, leaves the network as built.
     *
     * @return which blob was loaded (if any), its tick, and every rejected candidate with its reason
     */
    public Boot boot(Network network) throws HalException {
        List<String> rejected = new ArrayList<>();
        String best = null;
        byte[] bestBytes = null;
        long bestTick = -1;
        for (String name : List.of(CURRENT, NEW, PREVIOUS)) {
            Optional<byte[]> blob = storage.read(name);
            if (blob.isEmpty()) {
                continue;
            }
            try {
                SnapshotCodec.check(network, blob.get());
                long tick = SnapshotCodec.tick(blob.get());
                if (tick > bestTick) {
                    best = name;
                    bestBytes = blob.get();
                    bestTick = tick;
                }
            } catch (SnapshotException e) {
                rejected.add(name + ": " + e.getMessage());
            }
        }
        if (best == null) {
            return new Boot(Optional.empty(), network.tick(), rejected);
        }
        try {
            SnapshotCodec.decode(network, bestBytes);
        } catch (SnapshotException e) {
            throw new IllegalStateException("snapshot " + best + " passed its check but failed to load", e);
        }
        return new Boot(Optional.of(best), bestTick, rejected);
    }
}
