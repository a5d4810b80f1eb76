/** Fixed-point arithmetic: rounding, saturation, wrap, Q formats, and the seeded random streams, in one place. */
package dev.aplysia.device.fixed;
