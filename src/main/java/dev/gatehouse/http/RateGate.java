package dev.gatehouse.http;

import dev.gatehouse.service.ApiException;
import io.javalin.http.Context;

/**
 * Applies {@link RateLimiter} to a request: GitBook's X-RateLimit headers on the answer, and a 429 with
 * Retry-After once the caller's bucket is empty. A token is keyed by its digest, so the buckets never hold
 * a secret; a request without a valid token is keyed by its client address.
 */
final class RateGate {
    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";

    private final RateLimiter limiter;
    /** Told of every refusal, so that an operator sees them in the metrics. */
    private final Runnable refused;

    RateGate(RateLimiter limiter, Runnable refused) {
        this.limiter = limiter;
        this.refused = refused;
    }

    boolean limitsSystem() {
        return limiter.limits().limitSystem();
    }

    /** Counts a request made with the token whose hash ({@code Tokens.hash}) is {@code tokenHash}. */
    void token(Context ctx, String tokenHash) {
        take(ctx, "t:" + tokenHash);
    }

    /** Counts a request from an unauthenticated client. */
    void address(Context ctx) {
        take(ctx, "a:" + ctx.ip());
    }

    private void take(Context ctx, String key) {
        String m = ctx.method().name();
        boolean write = !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
        RateLimiter.Decision d = limiter.take(key, write);
        ctx.header(LIMIT, Long.toString(d.limit()));
        ctx.header(REMAINING, Long.toString(d.remaining()));
        ctx.header(RESET, Long.toString(d.resetEpochSeconds()));
        if (!d.allowed()) {
            ctx.header("Retry-After", Long.toString(d.retryAfterSeconds()));
            refused.run();
            throw new ApiException(429, "API rate limit exceeded (" + limiter.limits().perMinute(write) + " "
                    + (write ? "writes" : "reads") + " a minute); please try again in " + d.retryAfterSeconds()
                    + " seconds");
        }
    }
}
