/** The telemetry {@code Transport} over MQTT 3.1.1 with Eclipse Paho: the only package importing Paho. */
package dev.aplysia.device.telemetry.mqtt;
