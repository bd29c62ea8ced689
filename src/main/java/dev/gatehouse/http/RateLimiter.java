package dev.gatehouse.http;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The token buckets of {@link RateLimits} (Bucket4j), one per caller and kind of request.
 *
 * <p>A caller's bucket is found without a lock: every request takes from one, and a lock around the lookup
 * made concurrent requests queue for it. Only making a bucket for a new caller takes the lock.
 *
 * <p>Memory is bounded: when a new caller comes, the buckets are looked at least recently used first, and
 * those idle long enough to be full again are dropped (a new bucket would be the same), and beyond
 * {@link RateLimits#maxCallers} the least recently used even if not yet full (which only forgives it). The
 * order is kept lazily: buckets sit in the order they were last queued, and one used since it was queued is
 * queued again when it reaches the front, so the first one not used since is the least recently used.
 */
final class RateLimiter {
    /** What one request was allowed, for the X-RateLimit headers; {@code retryAfterSeconds} is 0 when it passed. */
    record Decision(boolean allowed, long limit, long remaining, long resetEpochSeconds, long retryAfterSeconds) {
    }

    private static final class Entry {
        final String key;
        final Bucket bucket;
        final boolean write;
        /** When it was last used: written by every take, without the lock. */
        volatile long lastSeen;
        /** Whether it was used since it was put at the back of the queue: set by takes, cleared under the lock. */
        volatile boolean used;

        Entry(String key, Bucket bucket, boolean write, long now) {
            this.key = key;
            this.bucket = bucket;
            this.write = write;
            this.lastSeen = now;
        }
    }

    private final RateLimits limits;
    private final LongSupplier nanos;
    private final LongSupplier epochMillis;
    private final TimeMeter meter;
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    /** Every entry of {@link #buckets}, in the order they were last queued; guarded by {@code this}. */
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
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
    int size() {
        return buckets.size();
    }

    private Bucket bucket(String key, boolean write) {
        long now = nanos.getAsLong();
        Entry e = buckets.get(key);
        if (e == null) {
            return added(key, write, now).bucket;
        }
        e.lastSeen = now;
        if (!e.used) {
            // Written only when it changes: every request of a busy caller would otherwise write the same line.
            e.used = true;
        }
        return e.bucket;
    }

    private synchronized Entry added(String key, boolean write, long now) {
        Entry e = buckets.get(key);
        if (e != null) {
            return e;
        }
        evict(now);
        int burst = limits.burst(write);
        e = new Entry(key, Bucket.builder()
                .addLimit(l -> l.capacity(burst).refillGreedy(limits.perMinute(write), java.time.Duration.ofMinutes(1)))
                .withCustomTimePrecision(meter)
                .build(), write, now);
        buckets.put(key, e);
        queue.addLast(e);
        return e;
    }

    /** Drops, least recently used first, the buckets that are full again, and any beyond the cap. */
    private void evict(long now) {
        // Each entry is queued again at most once a call: a caller taking all the while cannot keep this going.
        int requeues = queue.size();
        while (!queue.isEmpty()) {
            Entry e = queue.peekFirst();
            if (e.used && requeues-- > 0) {
                queue.pollFirst();
                e.used = false;
                queue.addLast(e);
                continue;
            }
            boolean full = now - e.lastSeen >= limits.fullAfter(e.write).toNanos();
            if (!full && buckets.size() < limits.maxCallers()) {
                return;
            }
            queue.pollFirst();
            buckets.remove(e.key, e);
        }
    }
}
