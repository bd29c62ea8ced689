package dev.gatehouse.http;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The token buckets of {@link RateLimits} (Bucket4j), one per caller and kind of request.
 *
 * <p>Memory is bounded: buckets are kept least recently used first, and each take drops, from that end,
 * those idle long enough to be full again (a new bucket would be the same), and beyond
 * {@link RateLimits#maxCallers} the least recently used even if not yet full (which only forgives it).
 */
final class RateLimiter {
    /** What one request was allowed, for the X-RateLimit headers; {@code retryAfterSeconds} is 0 when it passed. */
    record Decision(boolean allowed, long limit, long remaining, long resetEpochSeconds, long retryAfterSeconds) {
    }

    private record Entry(Bucket bucket, boolean write, long[] lastSeen) {
    }

    private final RateLimits limits;
    private final LongSupplier nanos;
    private final LongSupplier epochMillis;
    private final TimeMeter meter;
    private final Map<String, Entry> buckets = new LinkedHashMap<>(1024, 0.75f, true);
    // Until service/Metrics exists to export it, the refusals are counted here.
    private final AtomicLong refused = new AtomicLong();

    RateLimiter(RateLimits limits) {
        this(limits, System::nanoTime, System::currentTimeMillis);
    }

    /** @param nanos a monotonic clock, and {@code epochMillis} the wall clock, both injectable for tests */
    RateLimiter(RateLimits limits, LongSupplier nanos, LongSupplier epochMillis) {
        this.limits = limits;
        this.nanos = nanos;
        this.epochMillis = epochMillis;
        this.meter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }

    RateLimits limits() {
        return limits;
    }

    /** Takes one request from {@code caller}'s bucket for reads or writes. */
    Decision take(String caller, boolean write) {
        Bucket bucket = bucket((write ? "w:" : "r:") + caller, write);
        ConsumptionProbe p = bucket.tryConsumeAndReturnRemaining(1);
        long now = epochMillis.getAsLong();
        long reset = (now + Math.max(0, p.getNanosToWaitForReset()) / 1_000_000 + 999) / 1000;
        if (p.isConsumed()) {
            return new Decision(true, limits.burst(write), p.getRemainingTokens(), reset, 0);
        }
        refused.incrementAndGet();
        long retry = Math.max(1, (p.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
        return new Decision(false, limits.burst(write), 0, reset, retry);
    }

    /** Requests refused since start. */
    long refused() {
        return refused.get();
    }

    /** Buckets held now. */
    synchronized int size() {
        return buckets.size();
    }

    private synchronized Bucket bucket(String key, boolean write) {
        long now = nanos.getAsLong();
        Entry e = buckets.get(key);
        if (e == null) {
            evict(now);
            int burst = limits.burst(write);
            e = new Entry(Bucket.builder()
                    .addLimit(l -> l.capacity(burst).refillGreedy(limits.perMinute(write), java.time.Duration.ofMinutes(1)))
                    .withCustomTimePrecision(meter)
                    .build(), write, new long[1]);
            buckets.put(key, e);
        }
        e.lastSeen()[0] = now;
        return e.bucket();
    }

    private void evict(long now) {
        Iterator<Entry> it = buckets.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            boolean full = now - e.lastSeen()[0] >= limits.fullAfter(e.write()).toNanos();
            if (!full && buckets.size() < limits.maxCallers()) {
                return;
            }
            it.remove();
        }
    }
}
