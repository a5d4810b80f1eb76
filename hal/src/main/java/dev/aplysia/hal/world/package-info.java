/**
 * A simulated 2D world behind the HAL: an arena file, a differential-drive robot moved by its PWM outputs, range, light
 * and bump sensors fed by ray casting, all behind a {@link dev.aplysia.hal.Board} the firmware cannot tell from a Pi.
 */
package dev.aplysia.hal.world;
