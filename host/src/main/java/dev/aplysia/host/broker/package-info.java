/** The embedded MQTT broker (Moquette) for runs on one machine: the only package importing Moquette. */
package dev.aplysia.host.broker;
