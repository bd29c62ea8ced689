package dev.gatehouse.http;

import java.time.Duration;

/**
 * How many requests one caller may make: each token (each client address, for requests without a valid
 * token) has a bucket for reads and one for writes, holding {@code burst} requests and refilled at
 * {@code perMinute}. The defaults are generous: they stop a runaway client, not a busy one.
 *
 * @param readsPerMinute  GET and HEAD requests a caller may make per minute, sustained
 * @param readBurst       how many reads a caller may make at once, after a quiet while
 * @param writesPerMinute other requests a caller may make per minute, sustained
 * @param writeBurst      how many writes a caller may make at once
 * @param limitSystem     whether the system token is limited too (by default it is not: it is the operator's)
 * @param maxCallers      buckets kept at most; beyond it the least recently seen caller's is dropped
 */
public record RateLimits(int readsPerMinute, int readBurst, int writesPerMinute, int writeBurst, boolean limitSystem,
                         int maxCallers) {
    public static final int DEFAULT_READS_PER_MINUTE = 600_000;
    public static final int DEFAULT_READ_BURST = 60_000;
    public static final int DEFAULT_WRITES_PER_MINUTE = 120_000;
    public static final int DEFAULT_WRITE_BURST = 20_000;
    public static final int DEFAULT_MAX_CALLERS = 100_000;

    public RateLimits {
        if (readsPerMinute < 1 || readBurst < 1 || writesPerMinute < 1 || writeBurst < 1 || maxCallers < 1) {
            throw new IllegalArgumentException("rate limits must be at least 1");
        }
    }

    public static RateLimits defaults() {
        return new RateLimits(DEFAULT_READS_PER_MINUTE, DEFAULT_READ_BURST, DEFAULT_WRITES_PER_MINUTE,
                DEFAULT_WRITE_BURST, false, DEFAULT_MAX_CALLERS);
    }

    int perMinute(boolean write) {
        return write ? writesPerMinute : readsPerMinute;
    }

    int burst(boolean write) {
        return write ? writeBurst : readBurst;
    }

    /** How long an untouched bucket takes to fill up: past that it is the same as a new one, so it may go. */
    Duration fullAfter(boolean write) {
        return Duration.ofNanos((long) Math.ceil(burst(write) * 60e9 / perMinute(write)));
    }
}
