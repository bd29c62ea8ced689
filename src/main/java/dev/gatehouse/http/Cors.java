package dev.gatehouse.http;

import dev.gatehouse.service.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Cross-origin requests from the web origins an operator allows ({@code --cors-origins}), so that a page of
 * another site can call the API from a browser (the share dialog embedded as {@code <gatehouse-share>}).
 *
 * <p>A request from an allowed origin is answered with {@code Access-Control-Allow-Origin} naming that origin
 * and the response headers a client reads exposed; a preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) from it is answered 204 with the methods and request headers the API
 * takes, before authentication, since a browser never sends a token with a preflight. A preflight from any
 * other origin is a 403 and no answer carries CORS headers for it, so the browser withholds every answer from
 * that page. No credentials are allowed: the API takes bearer tokens only, which a browser never attaches by
 * itself, so a page of another origin cannot act with a signed-in person's rights (there is no cookie to ride).
 */
final class Cors {
    static final String ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String ALLOW_HEADERS = "Authorization, Content-Type, Idempotency-Key, X-Gatehouse-Min-Revision, X-Request-Id";
    static final String EXPOSE_HEADERS = "X-Gatehouse-Revision, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, "
            + "Retry-After, X-Request-Id, Location, Idempotent-Replayed";
    /** How long a browser may keep a preflight's answer, in seconds. */
    static final String MAX_AGE = "600";

    private final Set<String> origins;
    private final LongSupplier revision;

    Cors(List<String> origins, LongSupplier revision) {
        this.origins = Set.copyOf(origins);
        this.revision = revision;
    }

    /** Answers a preflight without the handlers behind it: thrown by {@link #before}, answered by {@link #answer}. */
    static final class Preflight extends RuntimeException {
        Preflight() {
            super(null, null, false, false);
        }
    }

    void before(Context ctx) {
        String origin = ctx.header("Origin");
        boolean preflight = ctx.method() == HandlerType.OPTIONS && origin != null
                && ctx.header("Access-Control-Request-Method") != null;
        if (origins.isEmpty() && !preflight) {
            return;
        }
        // What is answered depends on the origin: a cache must not hand one origin's answer to another.
        ctx.header("Vary", "Origin");
        boolean allowed = origin != null && origins.contains(origin);
        if (preflight) {
            ctx.header(Http.REVISION_HEADER, Long.toString(revision.getAsLong()));
            if (!allowed) {
                throw ApiException.forbidden("cross-origin requests from " + origin + " are not allowed; the operator "
                        + "allows a web origin with --cors-origins / GATEHOUSE_CORS_ORIGINS");
            }
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Allow-Methods", ALLOW_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
            ctx.header("Access-Control-Max-Age", MAX_AGE);
            throw new Preflight();
        }
        if (allowed) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        }
    }

    static void answer(Preflight p, Context ctx) {
        ctx.status(204);
    }

    /**
     * The origins of a comma-separated list, as a browser sends them in {@code Origin}: {@code scheme://host[:port]},
     * lower case, without a default port or a trailing slash. Anything else (a path, a wildcard) is refused.
     */
    static List<String> parse(String list) {
        Set<String> out = new LinkedHashSet<>();
        if (list == null || list.isBlank()) {
            return List.of();
        }
        for (String part : list.split(",")) {
            String s = part.strip();
            if (!s.isEmpty()) {
                out.add(origin(s));
            }
        }
        return new ArrayList<>(out);
    }

    /** One origin, normalized as {@link #parse} says. */
    static String origin(String text) {
        String s = text.strip();
        if (s.equals("*") || s.equals("null")) {
            throw new IllegalArgumentException("takes web origins one by one (https://docs.example.com); '" + s
                    + "' would let every page act with a token it obtains");
        }
        URI u;
        try {
            u = new URI(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not an origin like https://docs.example.com");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getRawUserInfo() != null
                || (u.getRawPath() != null && !u.getRawPath().isEmpty()) || u.getRawQuery() != null
                || u.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + text + "' is not an origin: give scheme://host[:port], such as "
                    + "https://docs.example.com, without a path");
        }
        int port = u.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
