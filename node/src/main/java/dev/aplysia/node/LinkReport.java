package dev.aplysia.node;

import dev.aplysia.device.telemetry.LinkHealth;
import java.io.PrintWriter;

/**
 * The link's events as lines on stderr, naming the broker: failures to connect (once per reason, not per retry),
 * connections, losses, restarts, unanswered commands and conflicts. Ignored messages are only counted.
 */
public record LinkReport(PrintWriter err, String url) implements LinkHealth.Listener {

    @Override
    public void onEvent(LinkHealth.Event event) {
        String line = switch (event.kind()) {
            case CONNECT_FAILED -> event.detail() + " (retrying)";
            case CONNECTED -> event.detail() + " to " + url;
            case LOST -> "lost " + url + ": " + event.detail() + " (reconnecting)";
            case RESTARTED, UNANSWERED, CONFLICT -> event.detail();
            case IGNORED -> null;
        };
        if (line != null) {
            err.println("link: " + line);
            err.flush();
        }
    }
}
