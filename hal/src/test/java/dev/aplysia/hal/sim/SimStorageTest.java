package dev.aplysia.hal.sim;

import dev.aplysia.hal.storage.Storage;
import dev.aplysia.hal.storage.StorageContract;

/** The simulated board's storage, with no fault planned, is a storage like any other. */
class SimStorageTest extends StorageContract {

    @Override
    protected Storage createStorage() {
        return SimBoard.builder().build().storage();
    }
}
