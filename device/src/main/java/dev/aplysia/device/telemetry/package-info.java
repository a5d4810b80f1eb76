/**
 * What a device reports over MQTT and how: the topic tree, allocation-free frames, the bounded queue between the tick
 * thread and the publisher thread, the publisher, and the transport interface it all talks through
 * ({@code telemetry.mqtt} is the Paho adapter). It never imports the firmware; the firmware's bindings (which
 * counters become which frames, which commands touch which state) live in {@code device.firmware}.
 */
package dev.aplysia.device.telemetry;
