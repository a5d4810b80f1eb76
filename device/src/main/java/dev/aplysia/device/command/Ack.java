package dev.aplysia.device.command;

import dev.aplysia.device.wire.FrameWriter;

/**
 * The answer to one command, published on {@code cmd/{command}/ack}:
 * {@code {"ok":true,"id":"h-7","command":"set"}} or {@code {"ok":false,"id":"h-7","command":"set","error":"..."}}
 * ({@code id} only when the command carried one).
 *
 * @param error null when the command was applied
 */
public record Ack(String command, String id, String error) {

    /** The ack payload; allocates (the publisher thread builds it). */
    public byte[] toJson() {
        FrameWriter json = new FrameWriter(256 + 6 * (command.length() + length(id) + length(error)));
        json.begin().field("ok", error == null);
        if (id != null) {
            json.field("id", id);
        }
        json.field("command", command);
        if (error != null) {
            json.field("error", error);
        }
        return json.end().toByteArray();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
