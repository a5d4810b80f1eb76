/** Monotonic time in nanoseconds, and waiting on it, so that a tick loop never reads the wall clock. */
package dev.aplysia.hal.time;
