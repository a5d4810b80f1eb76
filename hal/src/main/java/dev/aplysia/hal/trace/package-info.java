/**
 * Recording every HAL read and write of a firmware run, on any board, as a line-based trace headed by what made it
 * (gzip-compressed on disk), and replaying a trace to check that a firmware reproduces its outputs exactly.
 */
package dev.aplysia.hal.trace;
