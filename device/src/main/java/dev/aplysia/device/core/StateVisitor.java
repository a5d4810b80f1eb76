package dev.aplysia.device.core;

/**
 * Walks every array of a network's state in a fixed order (see {@link Network#visitState}), each with the constraint
 * its values obey. A snapshot writer reads the arrays; a snapshot reader checks candidate values against the
 * constraints, then fills the arrays in place, so restoring allocates nothing new.
 */
public interface StateVisitor {

    /** One named array of 32-bit state whose values obey {@code legal}. */
    void visit(String name, int[] values, StateConstraint legal);

    /** One named array of 16-bit state whose values obey {@code legal}. */
    void visit(String name, short[] values, StateConstraint legal);
}
