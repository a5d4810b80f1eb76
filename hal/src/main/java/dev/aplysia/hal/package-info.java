/**
 * The hardware a firmware instance gets: a {@link dev.aplysia.hal.Board} of named integer-valued channels, a clock and
 * storage, where every operation may fail with a {@link dev.aplysia.hal.HalException} of a known
 * {@link dev.aplysia.hal.ErrorKind}.
 */
package dev.aplysia.hal;
