package dev.gatehouse.http;

import java.util.Locale;

/**
 * Who may read {@code GET /metrics}. Metrics name routes and sizes, not data, but they still describe the
 * installation: by default only clients on the same host (a local agent or sidecar) read them freely.
 */
public enum MetricsAccess {
    /** Anyone. */
    OPEN,
    /** Loopback clients freely; any other with the system token. */
    LOOPBACK,
    /** Only with the system token. */
    TOKEN,
    /** Nobody: {@code /metrics} answers 404, and requests are not timed at all. */
    OFF;

    /** @throws IllegalArgumentException naming the accepted values */
    public static MetricsAccess parse(String text) {
        for (MetricsAccess a : values()) {
            if (a.name().toLowerCase(Locale.ROOT).equals(text)) {
                return a;
            }
        }
        throw new IllegalArgumentException("must be open, loopback, token or off; got '" + text + "'");
    }
}
