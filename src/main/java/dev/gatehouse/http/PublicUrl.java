package dev.gatehouse.http;

import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The base of the URLs in responses: the configured public URL, or {@code http://localhost:PORT} with the
 * port the server bound. Resolved on first use, which is after the bind (no request arrives before it), so
 * that a server asked for port 0 starts once and still names its real port.
 */
final class PublicUrl implements Supplier<String> {
    private final String configured;
    private final IntSupplier boundPort;
    private volatile String resolved;

    PublicUrl(String configured, IntSupplier boundPort) {
        this.configured = configured;
        this.boundPort = boundPort;
    }

    @Override
    public String get() {
        String url = resolved;
        if (url == null) {
            url = configured != null ? configured : "http://localhost:" + boundPort.getAsInt();
            resolved = url;
        }
        return url;
    }

    /** The address of {@code path} (which starts with a slash) under the public URL. */
    String to(String path) {
        return get() + path;
    }
}
