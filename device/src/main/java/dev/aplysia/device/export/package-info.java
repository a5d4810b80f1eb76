/** Writes a network's tables (sizes, raw constants, rule terms, initial weights) as C source for the C core. */
package dev.aplysia.device.export;
