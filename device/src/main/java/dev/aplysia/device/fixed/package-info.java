/** Fixed-point arithmetic: rounding, saturation, wrap, Q formats and the seeded PRNG, in one place. */
package dev.aplysia.device.fixed;
