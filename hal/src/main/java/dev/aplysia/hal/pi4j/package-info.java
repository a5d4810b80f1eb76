/**
 * The Raspberry Pi board on Pi4J 2.8.0: digital I/O through gpiod, PWM through linuxfs, analog input through an
 * MCP3008 on linuxfs SPI. The only package that imports Pi4J.
 */
package dev.aplysia.hal.pi4j;
