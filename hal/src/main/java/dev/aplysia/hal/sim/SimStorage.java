package dev.aplysia.hal.sim;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.storage.Storage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The simulated board's storage: any {@link Storage}, with failures and power cuts injected in front of it. */
final class SimStorage implements Storage {

    static final int NO_CUT = -1;

    private final Storage inner;
    private final FaultPlan faults = new FaultPlan(FaultInjector.STORAGE);
    private int cutAfter = NO_CUT;

    SimStorage(Storage inner) {
        this.inner = inner;
    }

    FaultPlan faults() {
        return faults;
    }

    void cutNextWriteAfter(int bytes) {
        cutAfter = bytes;
    }

    @Override
    public void write(String name, byte[] data) throws HalException {
        faults.check();
        if (cutAfter == NO_CUT) {
            inner.write(name, data);
            return;
        }
        int kept = Math.min(cutAfter, data.length);
        cutAfter = NO_CUT;
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
}
