package dev.aplysia.device.core;

/**
 * Walks every array of a network's state in a fixed order (see {@link Network#visitState}). A snapshot writer reads
 * the arrays; a snapshot reader fills them in place, so restoring allocates nothing new.
 */
public interface StateVisitor {

    /** One named array of 32-bit state. */
    void visit(String name, int[] values);

    /** One named array of 16-bit state. */
    void visit(String name, short[] values);
}
