/** A simulated device that serves the device side of the comparison experiments over MQTT only. */
package dev.aplysia.host.lab;
