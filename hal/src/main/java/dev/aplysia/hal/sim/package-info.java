/**
 * The simulated board: a virtual clock, inputs a test drives, outputs that keep their history, fault injection, and
 * scenario files that script all of these against a firmware.
 */
package dev.aplysia.hal.sim;
