/**
 * The firmware: the tick loop that binds the core to a board's channels, its configuration, counters and runner, the
 * safe outputs and the watchdog that halts them, and which commands it obeys.
 */
package dev.aplysia.device.firmware;
