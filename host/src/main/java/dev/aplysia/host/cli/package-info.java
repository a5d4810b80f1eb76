/** The picocli commands behind the {@code ./aplysia} launcher. */
package dev.aplysia.host.cli;
