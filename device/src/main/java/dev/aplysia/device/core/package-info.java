/** The bit-exact fixed-point reference core: neuron state, projections, spike sets and the network tick. */
package dev.aplysia.device.core;
