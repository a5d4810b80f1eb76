package dev.aplysia.device.golden;

/** A scenario's inputs: what it does to a network before each tick (ticks count from 1). */
@FunctionalInterface
public interface Stimulus {

    void before(int tick, Drive drive);
}
