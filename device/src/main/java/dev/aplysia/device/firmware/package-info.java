/** The firmware: the tick loop that binds the core to a board's channels, its configuration, counters and runner. */
package dev.aplysia.device.firmware;
