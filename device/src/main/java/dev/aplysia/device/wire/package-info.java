/**
 * What telemetry and commands share on the wire: the naming rule for topic levels and fields, the allocation-free
 * JSON writer used on the tick path, and the flat JSON reader for command payloads (Jackson's streaming parser).
 */
package dev.aplysia.device.wire;
