package dev.aplysia.host.collect;

/** The device a collector follows says {@code offline} (its Last Will, or a clean shutdown) and has not come back. */
public final class DeviceOfflineException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The device's failure, described by {@code message}. */
    public DeviceOfflineException(String message) {
        super(message);
    }
}
