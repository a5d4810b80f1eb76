/** Analog inputs read as raw converter counts. */
package dev.aplysia.hal.analog;
