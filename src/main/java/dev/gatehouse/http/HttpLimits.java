package dev.gatehouse.http;

import java.time.Duration;

/**
 * What bounds the server's work for any one client, so that slow or numerous clients cannot take every
 * thread, connection or byte of memory from the others.
 *
 * @param maxRequests   requests in the routes at once (each holds a thread); more are answered 503 at once.
 *                      Health probes are not counted: they must answer while the routes are saturated.
 * @param maxUploads    requests whose bodies are still arriving at once (they hold memory, no thread);
 *                      more are answered 503 at once
 * @param bodyTimeout   how long a whole request body may take to arrive, from the end of its headers (408)
 * @param headerTimeout how long a request's line and headers may take to arrive, from their first byte (408)
 * @param idleTimeout   how long a connection may stay silent, between requests or within one
 * @param drain         how long a stop waits for the requests in flight to finish
 */
public record HttpLimits(int maxRequests, int maxUploads, Duration bodyTimeout, Duration headerTimeout,
                         Duration idleTimeout, Duration drain) {
    public static final int DEFAULT_MAX_REQUESTS = 200;
    public static final int DEFAULT_MAX_UPLOADS = 100;
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(10);
    /** The largest request body, in bytes. */
    public static final int MAX_BODY = 4_000_000;
    /** Jetty's pool: the routes' share, plus room for probes, selectors and the body readers' callbacks. */
    static final int SPARE_THREADS = 50;

    public HttpLimits {
        if (maxRequests < 1 || maxUploads < 1) {
            throw new IllegalArgumentException("the request limits must be at least 1");
        }
        for (Duration d : new Duration[] {bodyTimeout, headerTimeout, idleTimeout}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }
        if (drain.isNegative()) {
            throw new IllegalArgumentException("the drain time cannot be negative");
        }
    }

    public static HttpLimits defaults() {
        return new HttpLimits(DEFAULT_MAX_REQUESTS, DEFAULT_MAX_UPLOADS, DEFAULT_BODY_TIMEOUT, DEFAULT_HEADER_TIMEOUT,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_DRAIN);
    }
}
