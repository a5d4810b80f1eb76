/**
 * Commands a device obeys: their specs and parameter validation, the catalog of what a firmware accepts, the bounded
 * inbox between the publisher thread and the tick thread, and acks. Knows nothing of the transport or the firmware.
 */
package dev.aplysia.device.command;
