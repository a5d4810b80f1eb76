/** JMH benchmarks of the device core; speed is measured here, never asserted in unit tests. */
package dev.aplysia.benchmarks;
