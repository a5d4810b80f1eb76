/**
 * Recording every HAL read and write of a firmware run, on any board, as a line-based trace, and replaying a trace to
 * check that a firmware reproduces its outputs exactly.
 */
package dev.aplysia.hal.trace;
