/**
 * The device on its own: {@code aplysia-device}, the firmware's command line and main for a Raspberry Pi or the
 * simulated board. It picks the board (simulated, Pi4J, a trace replay), links the firmware to a broker, and is
 * packaged as the device-only artifact; the host's {@code aplysia device run} is this same command.
 */
package dev.aplysia.node;
