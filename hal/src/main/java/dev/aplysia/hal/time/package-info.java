/**
 * Monotonic time in nanoseconds and waiting on it, so that a tick loop never reads the wall clock; and the wall clock,
 * which only stamps reports.
 */
package dev.aplysia.hal.time;
