/**
 * What the firmware reports and obeys over MQTT: the topic tree, allocation-free frames, the bounded queue between the
 * tick thread and the publisher thread, command validation, and the transport interface it all talks through.
 */
package dev.aplysia.device.telemetry;
