/** The fixed-point rule engine that applies plasticity rules (given as data) to a projection's synapses. */
package dev.aplysia.device.plasticity;
