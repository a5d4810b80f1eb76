package dev.aplysia.device.command;

import dev.aplysia.device.wire.FrameWriter;

/**
 * The answer to one command, published on {@code cmd/{command}/ack}:
 * {@code {"ok":true,"id":"h-7","command":"set"}} or {@code {"ok":false,"id":"h-7","command":"set","error":"..."}}
 * ({@code id} only when the command carried one); a command refused because the device's inbox was full also carries
 * {@code "busy":true}, so that a sender can tell "try again later" from "this is wrong".
 *
 * @param error null when the command was applied
 * @param busy  the refusal is only that the inbox was full
 */
public record Ack(String command, String id, String error, boolean busy) {

    /** An answer that is not a busy refusal. */
    public Ack(String command, String id, String error) {
        this(command, id, error, false);
    }

    /** The ack payload; allocates (the publisher thread builds it). */
    public byte[] toJson() {
        FrameWriter json = new FrameWriter(256 + 6 * (command.length() + length(id) + length(error)));
        json.begin().field("ok", error == null);
        if (id != null) {
            json.field("id", id);
        }
        json.field("command", command);
        if (busy) {
            json.field("busy", true);
        }
        if (error != null) {
            json.field("error", error);
        }
        return json.end().toByteArray();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
