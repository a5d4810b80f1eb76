/** The firmware side of Aplysia: an integer-only spiking core that learns on the board with local plasticity. */
package dev.aplysia.device;
