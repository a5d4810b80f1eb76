/**
 * Home Assistant's MQTT discovery: a device's entities as retained config messages under the discovery prefix, so
 * that Home Assistant lists the device, its sensors and controls without any YAML.
 */
package dev.aplysia.device.telemetry.homeassistant;
