package dev.aplysia.host.cli;

import java.util.List;

/** The JSON shape of a canonical protocol: {@code {"protocol": name, "points": [...]}}. */
record ProtocolOutput(String protocol, List<?> points) {
}
