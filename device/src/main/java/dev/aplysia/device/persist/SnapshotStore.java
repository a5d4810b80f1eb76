package dev.aplysia.device.persist;

import dev.aplysia.device.core.Network;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.storage.Storage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps a network's snapshots on a board's {@link Storage} so that learned state is never lost silently.
 *
 * <ul>
 *   <li><b>Generations.</b> Snapshots go into a ring of three slots ({@link #SLOTS}); a save writes one slot, chosen
 *       so that it holds neither of the two newest valid snapshots (see {@link Slots}). A power cut at any moment
 *       therefore leaves both intact: once two saves were made, two valid generations exist at all times, also
 *       after a boot that fell back to an older one. Nothing is renamed.</li>
 *   <li><b>Boot</b> reads every slot and the names the store of codec version 1 used ({@link #LEGACY}, read, never
 *       written), and loads the newest snapshot that passes {@link SnapshotCodec#check}; every other one that
 *       cannot be read (a directory, an I/O error) or validated is reported with its reason. A slot that cannot be
 *       read is never written.</li>
 *   <li><b>Another network's snapshots are kept.</b> If any blob holds an intact snapshot of another network (or
 *       of a codec version this firmware does not read), boot and save refuse with
 *       {@link ErrorKind#INVALID_CONFIG}, naming the blob and what differs. {@link #bootAsNewNetwork} first moves
 *       every snapshot to {@code archive/N/} (the first empty one, counting from 1).</li>
 *   <li><b>Room.</b> Before writing, a save checks that the storage has room for the snapshot plus
 *       {@link #MARGIN_BYTES}, else fails with {@link ErrorKind#STORAGE_FULL} having written nothing.</li>
 * </ul>
 */
public final class SnapshotStore {

    /** The slots saves write in turn. */
    public static final List<String> SLOTS = List.of("snapshot.a", "snapshot.b", "snapshot.c");
    /** The blobs of the codec-version-1 store (new, current, previous): read at boot and archived, never written. */
    public static final List<String> LEGACY = List.of("snapshot.current", "snapshot.new", "snapshot.previous");
    /** The folder {@link #bootAsNewNetwork} moves old snapshots into. */
    public static final String ARCHIVE = "archive";
    /** Room kept free beyond a snapshot's size for the file system's own blocks. */
    public static final long MARGIN_BYTES = 16 * 1024;

    private final Storage storage;
    private SnapshotWriter writer;
    private Slots slots;
    private Network surveyed;

    /** A store over {@code storage}. */
    public SnapshotStore(Storage storage) {
        this.storage = storage;
    }

    /**
     * What booting found.
     *
     * @param loaded   the blob loaded, if any
     * @param tick     the network's tick after boot
     * @param rejected each blob skipped, with its reason
     * @param archive  where {@link #bootAsNewNetwork} moved the old snapshots ({@code archive/N}), if it moved any
     */
    public record Boot(Optional<String> loaded, long tick, List<String> rejected, Optional<String> archive) {

        public Boot {
            rejected = List.copyOf(rejected);
        }
    }

    /** One stored blob as boot found it: its bytes and tick if valid, else why not. */
    private record Candidate(String name, Slots.Content content, byte[] bytes, long tick, String reason,
                             boolean foreign) {
    }

    /**
     * Loads the newest valid snapshot into {@code network}; with none, leaves the network as built.
     *
     * @return which blob was loaded (if any), the tick, and every blob skipped with its reason
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} when a blob holds another network's snapshot, naming it
     *                      and what differs; nothing is loaded then
     */
    public Boot boot(Network network) throws HalException {
        List<Candidate> found = survey(network);
        slots = slotsOf(found);
        surveyed = network;
        List<String> rejected = new ArrayList<>();
        found.stream().filter(c -> c.reason() != null).forEach(c -> rejected.add(c.name() + ": " + c.reason()));
        List<Candidate> valid = found.stream().filter(c -> c.content() == Slots.Content.VALID)
                .sorted(Comparator.comparingLong(Candidate::tick).reversed()).toList();
        for (Candidate candidate : valid) {
            try {
                SnapshotCodec.decode(network, candidate.bytes());
                return new Boot(Optional.of(candidate.name()), network.tick(), rejected, Optional.empty());
            } catch (SnapshotException e) {
                rejected.add(candidate.name() + ": " + e.getMessage());
            }
        }
        return new Boot(Optional.empty(), network.tick(), rejected, Optional.empty());
    }

    /**
     * Starts {@code network} as a new network: moves every snapshot (of any network) to {@code archive/N/}, then
     * boots, which finds none to load.
     *
     * @throws HalException when a snapshot cannot be read or archived; the snapshots not yet archived stay
     */
    public Boot bootAsNewNetwork(Network network) throws HalException {
        Optional<String> archive = archive();
        Boot boot = boot(network);
        return new Boot(boot.loaded(), boot.tick(), boot.rejected(), archive);
    }

    /**
     * Saves {@code network}'s state into the slot that holds neither of the two newest valid snapshots. Encoding
     * reuses one buffer per network, so saving allocates nothing in the firmware once the slots are known (the
     * storage may copy what it keeps); after a failure the next save reads the slots again.
     *
     * @return the slot written
     * @throws HalException {@link ErrorKind#STORAGE_FULL} without room, {@link ErrorKind#INVALID_CONFIG} when a blob
     *                      holds another network's snapshot, {@link ErrorKind#IO} when no slot can be written
     *                      without touching the newest snapshot or one that cannot be read, or the storage's failure
     */
    public String save(Network network) throws HalException {
        if (writer == null || writer.network() != network) {
            writer = new SnapshotWriter(network);
        }
        try {
            Slots known = slots != null && surveyed == network ? slots : slotsOf(survey(network));
            int target = known.target();
            if (target < 0) {
                throw new HalException(ErrorKind.IO, "no snapshot slot in " + storage + " can be written without"
                        + " touching the newest snapshot: " + String.join("; ", known.unreadable(SLOTS)));
            }
            byte[] snapshot = writer.encode();
            requireRoom(snapshot.length);
            storage.write(SLOTS.get(target), snapshot);
            known.set(target, Slots.Content.VALID, network.tick(), null);
            slots = known;
            surveyed = network;
            return SLOTS.get(target);
        } catch (HalException e) {
            slots = null;
            throw e;
        }
    }

    /** Reads and checks every slot and legacy blob; refuses if any holds another network's snapshot. */
    private List<Candidate> survey(Network network) throws HalException {
        List<Candidate> found = new ArrayList<>();
        for (String name : names()) {
            found.add(candidate(name, network));
        }
        List<Candidate> foreign = found.stream().filter(Candidate::foreign).toList();
        if (!foreign.isEmpty()) {
            throw refusal(foreign);
        }
        return found;
    }

    private Candidate candidate(String name, Network network) {
        Optional<byte[]> blob;
        try {
            blob = storage.read(name);
        } catch (HalException e) {
            return new Candidate(name, Slots.Content.UNREADABLE, null, -1, "cannot be read: " + e.getMessage(),
                    false);
        }
        if (blob.isEmpty()) {
            return new Candidate(name, Slots.Content.EMPTY, null, -1, null, false);
        }
        try {
            SnapshotCodec.check(network, blob.get());
            return new Candidate(name, Slots.Content.VALID, blob.get(), SnapshotCodec.tick(blob.get()), null, false);
        } catch (ForeignSnapshotException e) {
            return new Candidate(name, Slots.Content.UNUSABLE, null, -1, e.getMessage(), true);
        } catch (SnapshotException e) {
            return new Candidate(name, Slots.Content.UNUSABLE, null, -1, e.getMessage(), false);
        }
    }

    private HalException refusal(List<Candidate> foreign) {
        List<String> names = foreign.stream().map(Candidate::name).toList();
        List<String> reasons = foreign.stream().map(Candidate::reason).distinct().toList();
        return new HalException(ErrorKind.INVALID_CONFIG, String.join(", ", names) + " in " + storage + " "
                + (names.size() == 1 ? "holds a snapshot " : "hold snapshots ") + String.join(" | ", reasons)
                + ". Refusing to overwrite learned state: run the network it belongs to, or start a new network"
                + " (device run --new-network), which first moves the old snapshots to " + ARCHIVE + "/");
    }

    private static Slots slotsOf(List<Candidate> found) {
        Slots slots = new Slots(SLOTS.size());
        for (Candidate candidate : found) {
            int slot = SLOTS.indexOf(candidate.name());
            if (slot >= 0) {
                slots.set(slot, candidate.content(), candidate.tick(), candidate.reason());
            }
        }
        return slots;
    }

    private void requireRoom(int bytes) throws HalException {
        long usable = storage.usableBytes();
        if (usable < bytes + MARGIN_BYTES) {
            throw new HalException(ErrorKind.STORAGE_FULL, "only " + usable + " bytes usable in " + storage
                    + ": a snapshot needs " + bytes + " bytes and a margin of " + MARGIN_BYTES + "; nothing written");
        }
    }

    /** Copies every snapshot blob to the first empty {@code archive/N/}, then deletes the originals. */
    private Optional<String> archive() throws HalException {
        List<String> present = storage.list().stream().filter(names()::contains).toList();
        if (present.isEmpty()) {
            return Optional.empty();
        }
        Storage archives = storage.folder(ARCHIVE);
        int n = 1;
        while (!archives.folder(Integer.toString(n)).list().isEmpty()) {
            n++;
        }
        Storage folder = archives.folder(Integer.toString(n));
        for (String name : present) {
            folder.write(name, storage.read(name).orElseThrow(() -> new HalException(ErrorKind.NOT_FOUND,
                    "snapshot " + name + " vanished while being archived")));
        }
        for (String name : present) {
            storage.delete(name);
        }
        slots = null;
        return Optional.of(ARCHIVE + "/" + n);
    }

    private static List<String> names() {
        return Stream.concat(SLOTS.stream(), LEGACY.stream()).toList();
    }
}
