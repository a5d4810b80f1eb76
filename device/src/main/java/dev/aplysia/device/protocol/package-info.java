/**
 * Canonical measurement protocols (f-I curve, STDP window, Song-Miller-Abbott competitive STDP) run on the
 * fixed-point core and its float twin side by side; pure device code returning result records, which the host
 * prints and plots.
 */
package dev.aplysia.device.protocol;
