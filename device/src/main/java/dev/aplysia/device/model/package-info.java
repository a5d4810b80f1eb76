/**
 * Immutable specs of what a network is: neurons, traces, populations, projections, plasticity rules as data, and
 * the MCU profiles whose budgets a network must fit. Javadoc holds the update equations and each variable's format.
 */
package dev.aplysia.device.model;
