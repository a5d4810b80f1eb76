package dev.aplysia.device.telemetry.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * A broker URL as users write it, checked and put in the form Paho takes: {@code tcp://host:port} or
 * {@code ssl://host:port}. {@code mqtt://} is {@code tcp://} and {@code mqtts://} is {@code ssl://} (the names the
 * IANA registry and most other clients use); a URL without a port gets its scheme's standard one (1883, 8883). The
 * port must be 1 to 65535, the host must be present, and nothing may follow the port.
 */
final class BrokerUrl {

    private static final Map<String, String> SCHEMES = Map.of("tcp", "tcp", "mqtt", "tcp", "ssl", "ssl",
            "mqtts", "ssl");
    private static final Map<String, Integer> STANDARD_PORTS = Map.of("tcp", 1883, "ssl", 8883);

    private BrokerUrl() {
    }

    /**
     * The Paho form of {@code url}.
     *
     * @throws IllegalArgumentException naming the URL and what is wrong with it
     */
    static String normalise(String url) {
        URI uri = parse(url);
        String scheme = SCHEMES.get(uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT));
        if (scheme == null) {
            throw malformed(url, "must start with tcp://, ssl://, mqtt:// or mqtts:// (e.g. tcp://127.0.0.1:1883)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw malformed(url, noHost(uri.getRawAuthority()));
        }
        if (!uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw malformed(url, "may only hold scheme, host and port (user and password are separate options)");
        }
        int port = uri.getPort() == -1 && !url.endsWith(":") ? STANDARD_PORTS.get(scheme) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw malformed(url, "has port " + port + ": use 1 to 65535");
        }
        return scheme + "://" + uri.getHost() + ":" + port;
    }

    /** Why a URL whose authority Java could not read as host and port is wrong: often the port. */
    private static String noHost(String authority) {
        int colon = authority == null ? -1 : authority.lastIndexOf(':');
        if (colon > 0) {
            return "has port '" + authority.substring(colon + 1) + "': use a number from 1 to 65535";
        }
        return "names no host: write tcp://HOST:PORT";
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw malformed(url, "is not a URL: " + e.getReason() + " at index " + e.getIndex());
        }
    }

    private static IllegalArgumentException malformed(String url, String problem) {
        return new IllegalArgumentException("broker URL '" + url + "' " + problem);
    }
}
