package dev.aplysia.hal.sim;

/** Where the simulated board is in time: the firmware's current tick and the virtual clock. */
final class SimTimeline {

    final VirtualClock clock;
    long tick;

    SimTimeline(VirtualClock clock) {
        this.clock = clock;
    }
}
