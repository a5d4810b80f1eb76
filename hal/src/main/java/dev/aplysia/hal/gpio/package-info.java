/** Digital lines: inputs with edge counting and outputs that remember the level they were set to. */
package dev.aplysia.hal.gpio;
