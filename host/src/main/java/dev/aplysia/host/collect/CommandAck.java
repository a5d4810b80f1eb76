package dev.aplysia.host.collect;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A device's answer on {@code cmd/{command}/ack}.
 *
 * @param id    the correlation id the command carried, or null
 * @param ok    true if the device applied the command
 * @param error why not, when {@code ok} is false
 * @param body  the whole ack payload
 */
public record CommandAck(String command, String id, boolean ok, String error, JsonNode body) {
}
