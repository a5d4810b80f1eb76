package dev.aplysia.device.core;

import dev.aplysia.device.model.McuProfile;

/** A network whose state does not fit its MCU profile's memory budget; the message says by how much. */
public final class BudgetExceededException extends IllegalArgumentException {

    private final transient StateBudget budget;

    BudgetExceededException(String network, McuProfile profile, StateBudget budget) {
        super(String.format("network %s needs %,d bytes of state but profile %s allows %,d (%,d KB SRAM - %,d KB"
                        + " reserved): over by %,d bytes (weights %,d, traces %,d, consolidation %,d, neurons %,d)",
                network, budget.totalBytes(), profile.id(), budget.budgetBytes(), profile.sramBytes() / 1024,
                profile.reservedBytes() / 1024, budget.totalBytes() - budget.budgetBytes(), budget.weightBytes(),
                budget.traceBytes(), budget.consolidationBytes(), budget.neuronBytes()));
        this.budget = budget;
    }

    /** The state that did not fit. */
    public StateBudget budget() {
        return budget;
    }
}
