/**
 * Writes C source for the C core: a network's tables (sizes, raw constants, rule terms, initial weights), and the
 * exported project with its checks (the digits learner's transcript, the golden scenarios and their committed values).
 */
package dev.aplysia.device.export;
