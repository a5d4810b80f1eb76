package dev.aplysia.hal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The channels of one kind on a board, by name, in declaration order: the lookup every {@link Board} implementation
 * shares, so that an unknown name fails the same way everywhere.
 *
 * @param <T> the channel type
 */
public final class NamedChannels<T> {

    private final ChannelKind kind;
    private final Map<String, T> byName = new LinkedHashMap<>();

    /** An empty table of channels of the given kind. */
    public NamedChannels(ChannelKind kind) {
        this.kind = kind;
    }

    /**
     * Adds a channel.
     *
     * @throws IllegalArgumentException if the name is already taken
     */
    public void add(String name, T channel) {
        if (byName.putIfAbsent(name, channel) != null) {
            throw new IllegalArgumentException("duplicate " + kind.description() + " '" + name + "'");
        }
    }

    /**
     * The channel with this name.
     *
     * @throws HalException {@link ErrorKind#INVALID_CHANNEL} naming the channel and listing the known ones
     */
    public T get(String name) throws HalException {
        T channel = byName.get(name);
        if (channel == null) {
            throw new HalException(ErrorKind.INVALID_CHANNEL, "no " + kind.description() + " named '" + name
                    + "'; known " + kind.description() + "s: " + byName.keySet());
        }
        return channel;
    }

}
