/**
 * The golden scenarios: small fixed networks with their stimuli and the variables read after every tick, which the
 * core, its float twin and the exported C core each run against the committed golden vectors.
 */
package dev.aplysia.device.golden;
