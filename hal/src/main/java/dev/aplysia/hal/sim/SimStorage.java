package dev.aplysia.hal.sim;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.storage.Storage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The simulated board's storage: any {@link Storage}, with failures and power cuts injected in front of it. Its
 * folders share the board's fault plan and power cut: a fault planned on {@link FaultInjector#STORAGE} hits the next
 * operations wherever they go.
 */
final class SimStorage implements Storage {

    static final int NO_CUT = -1;

    private final Storage inner;
    private final FaultPlan faults;
    private final PowerCut cut;

    SimStorage(Storage inner) {
        this(inner, new FaultPlan(FaultInjector.STORAGE), new PowerCut());
    }

    private SimStorage(Storage inner, FaultPlan faults, PowerCut cut) {
        this.inner = inner;
        this.faults = faults;
        this.cut = cut;
    }

    FaultPlan faults() {
        return faults;
    }

    void cutNextWriteAfter(int bytes) {
        cut.afterBytes = bytes;
    }

    @Override
    public void write(String name, byte[] data) throws HalException {
        faults.check();
        if (cut.afterBytes == NO_CUT) {
            inner.write(name, data);
            return;
        }
        int kept = Math.min(cut.afterBytes, data.length);
        cut.afterBytes = NO_CUT;
        inner.write(name, Arrays.copyOf(data, kept));
        throw new HalException(ErrorKind.IO, "power cut after " + kept + " of " + data.length
                + " bytes while writing '" + name + "'");
    }

    @Override
    public Optional<byte[]> read(String name) throws HalException {
        faults.check();
        return inner.read(name);
    }

    @Override
    public void rename(String from, String to) throws HalException {
        faults.check();
        inner.rename(from, to);
    }

    @Override
    public boolean delete(String name) throws HalException {
        faults.check();
        return inner.delete(name);
    }

    @Override
    public List<String> list() throws HalException {
        faults.check();
        return inner.list();
    }

    @Override
    public Storage folder(String name) throws HalException {
        faults.check();
        return new SimStorage(inner.folder(name), faults, cut);
    }

    @Override
    public long usableBytes() throws HalException {
        faults.check();
        return inner.usableBytes();
    }

    /** Says where the blobs are: the storage beneath. */
    @Override
    public String toString() {
        return inner.toString();
    }

    /** The byte after which the next write is cut, or {@link #NO_CUT}. */
    private static final class PowerCut {
        private int afterBytes = NO_CUT;
    }
}
