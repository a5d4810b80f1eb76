/** Pulse-width modulated outputs, with duty cycles in integer counts of a channel's maximum. */
package dev.aplysia.hal.pwm;
