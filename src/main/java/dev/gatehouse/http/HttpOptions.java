package dev.gatehouse.http;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Everything the HTTP layer is configured with, validated once.
 *
 * @param publicUrl       the base of the URLs in responses; null for {@code http://localhost:PORT}, the port
 *                        the server bound
 * @param minRevisionWait how long a request with {@code X-Gatehouse-Min-Revision} may wait for this node to
 *                        reach it before a 503
 * @param limits          what bounds slow and numerous clients, and how long a stop drains
 * @param rates           how many requests each caller may make
 * @param metrics         who may read {@code GET /metrics}
 * @param rateClock       the monotonic clock, in nanoseconds, the rate limits refill by (tests move their own)
 * @param corsOrigins     the web origins whose pages may call the API from a browser ({@link Cors}); none by default
 */
public record HttpOptions(String publicUrl, Duration minRevisionWait, HttpLimits limits, RateLimits rates,
                          MetricsAccess metrics, LongSupplier rateClock, List<String> corsOrigins) {
    /** How long a request asking for a newer revision waits, by default, for the index to reach it. */
    public static final Duration DEFAULT_MIN_REVISION_WAIT = Duration.ofSeconds(5);

    public HttpOptions {
        if (publicUrl != null && !(publicUrl.startsWith("http://") || publicUrl.startsWith("https://"))) {
            throw new IllegalArgumentException("the public URL must start with http:// or https://; got " + publicUrl);
        }
        if (minRevisionWait == null || minRevisionWait.isNegative()) {
            throw new IllegalArgumentException("the min-revision wait must be zero or more");
        }
        if (limits == null || rates == null || metrics == null || rateClock == null) {
            throw new IllegalArgumentException("limits, rates, metrics access and the rate clock are required");
        }
        corsOrigins = corsOrigins == null ? List.of() : corsOrigins.stream().map(Cors::origin).distinct().toList();
        if (publicUrl != null && publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
    }

    /** The server's defaults: URLs on localhost, every bound and limit at its default, metrics on loopback. */
    public static HttpOptions defaults() {
        return new HttpOptions(null, DEFAULT_MIN_REVISION_WAIT, HttpLimits.defaults(), RateLimits.defaults(),
                MetricsAccess.LOOPBACK, System::nanoTime, List.of());
    }

    public HttpOptions withPublicUrl(String url) {
        return new HttpOptions(url, minRevisionWait, limits, rates, metrics, rateClock, corsOrigins);
    }

    public HttpOptions withMinRevisionWait(Duration wait) {
        return new HttpOptions(publicUrl, wait, limits, rates, metrics, rateClock, corsOrigins);
    }

    public HttpOptions withLimits(HttpLimits l) {
        return new HttpOptions(publicUrl, minRevisionWait, l, rates, metrics, rateClock, corsOrigins);
    }

    public HttpOptions withRates(RateLimits r, LongSupplier clock) {
        return new HttpOptions(publicUrl, minRevisionWait, limits, r, metrics, clock, corsOrigins);
    }

    public HttpOptions withMetrics(MetricsAccess access) {
        return new HttpOptions(publicUrl, minRevisionWait, limits, rates, access, rateClock, corsOrigins);
    }

    /** The origins of a comma-separated list ({@code --cors-origins}), normalized; a bad one is refused, named. */
    public static List<String> corsOrigins(String list) {
        return Cors.parse(list);
    }

    /** The web origins whose pages may call the API from a browser, as {@code scheme://host[:port]}. */
    public HttpOptions withCorsOrigins(List<String> origins) {
        return new HttpOptions(publicUrl, minRevisionWait, limits, rates, metrics, rateClock, origins);
    }
}
