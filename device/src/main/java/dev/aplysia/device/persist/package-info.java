/** Snapshots of learned state: a versioned, checksummed codec and a power-cut-safe store over HAL storage. */
package dev.aplysia.device.persist;
