/** The host's side of telemetry: subscribing to a device's topics, decoding, recording, gap detection and commands. */
package dev.aplysia.host.collect;
