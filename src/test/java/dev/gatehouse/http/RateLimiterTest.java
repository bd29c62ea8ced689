package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The buckets at their edges, on a clock the test moves. */
class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicLong wall = new AtomicLong(1_700_000_000_000L);

    private RateLimiter limiter(int perMinute, int burst, int maxCallers) {
        return new RateLimiter(new RateLimits(perMinute, burst, perMinute, burst, false, maxCallers), nanos::get, wall::get);
    }

    @Test
    void theBurstPassesTheNextIsRefusedAndARefillLetsOneMoreThrough() {
        RateLimiter l = limiter(60, 3, 100);
        for (int i = 1; i <= 3; i++) {
            RateLimiter.Decision d = l.take("alice", false);
            assertThat(d.allowed()).as("request %d", i).isTrue();
            assertThat(d.remaining()).isEqualTo(3 - i);
            assertThat(d.limit()).isEqualTo(3);
        }
        RateLimiter.Decision refused = l.take("alice", false);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        // 60 a minute: one a second.
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        // Full again after 3 seconds, stated in epoch seconds.
        assertThat(refused.resetEpochSeconds()).isEqualTo(1_700_000_003L);
        assertThat(l.refused()).isEqualTo(1);

        nanos.addAndGet(1_000_000_000L);
        wall.addAndGet(1_000L);
        assertThat(l.take("alice", false).allowed()).isTrue();
        assertThat(l.take("alice", false).allowed()).isFalse();
    }

    @Test
    void callersAndKindsHaveTheirOwnBuckets() {
        RateLimiter l = limiter(60, 1, 100);
        assertThat(l.take("alice", false).allowed()).isTrue();
        assertThat(l.take("alice", false).allowed()).isFalse();
        assertThat(l.take("alice", true).allowed()).isTrue();
        assertThat(l.take("bob", false).allowed()).isTrue();
    }

    @Test
    void idleBucketsAreDroppedAndTheCountIsCapped() {
        RateLimiter l = limiter(60, 2, 1_000);
        for (int i = 0; i < 500; i++) {
            l.take("caller-" + i, false);
        }
        assertThat(l.size()).isEqualTo(500);
        // Two seconds refill a bucket of 2 at one a second: all of them are as good as new, so they go.
        nanos.addAndGet(2_000_000_000L);
        l.take("newcomer", false);
        assertThat(l.size()).isEqualTo(1);

        RateLimiter capped = limiter(60, 2, 10);
        for (int i = 0; i < 100; i++) {
            capped.take("caller-" + i, false);
        }
        assertThat(capped.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void beyondTheCapTheLeastRecentlyUsedGoesNotTheOldest() {
        RateLimiter l = limiter(60, 1, 3);
        assertThat(l.take("a", false).allowed()).isTrue();
        assertThat(l.take("b", false).allowed()).isTrue();
        assertThat(l.take("c", false).allowed()).isTrue();
        // a came first, but is used again: b is now the least recently used.
        assertThat(l.take("a", false).allowed()).isFalse();
        assertThat(l.take("d", false).allowed()).isTrue();
        assertThat(l.size()).isEqualTo(3);
        assertThat(l.take("a", false).allowed()).as("a keeps its empty bucket").isFalse();
        assertThat(l.take("b", false).allowed()).as("b was dropped, so it starts again").isTrue();
    }
}
