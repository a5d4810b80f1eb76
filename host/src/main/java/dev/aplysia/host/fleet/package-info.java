/** Many simulated devices in one JVM, each with its own firmware, board and MQTT client, for load and lab runs. */
package dev.aplysia.host.fleet;
