/**
 * The float twin of the core: the same specs stepped in the same order with exact (double) arithmetic and no rounding,
 * the expected value against which the fixed-point core is measured.
 */
package dev.aplysia.device.reference;
