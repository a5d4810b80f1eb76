package dev.aplysia.device.fixed;

/** What a fixed-point variable does when a result leaves its range. */
public enum Overflow {
    /** Clamp to the nearest representable value. */
    SATURATE,
    /** Keep the low bits (two's complement), like a hardware counter. */
    WRAP
}
