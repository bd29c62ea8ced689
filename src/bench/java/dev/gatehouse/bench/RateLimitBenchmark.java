package dev.gatehouse.bench;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.SynchronizationStrategy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * One take from one caller's Bucket4j bucket, as the rate limit does on every request, under each of
 * Bucket4j's thread-safe strategies, from 1, 2 and 8 threads at once (one busy token on many connections is
 * the case that contends). The limits are never reached, as in the observability benchmark: what is measured
 * is the take, not a refusal. The server keeps Bucket4j's default, lock-free: a bucket is one caller's and
 * seldom taken by two threads at once, and uncontended the lock-free take is the cheaper one.
 */
@State(Scope.Benchmark)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RateLimitBenchmark {
    @Param({"LOCK_FREE", "SYNCHRONIZED"})
    public String strategy;

    Bucket bucket;

    @Setup
    public void setUp() {
        // The observability benchmark's limits: 100 million a minute, a burst as large.
        long huge = 100_000_000L;
        bucket = Bucket.builder()
                .addLimit(l -> l.capacity(huge).refillGreedy(huge, Duration.ofMinutes(1)))
                .withSynchronizationStrategy(SynchronizationStrategy.valueOf(strategy))
                .build();
    }

    @Benchmark
    @Threads(1)
    public long takeOneThread() {
        return bucket.tryConsumeAndReturnRemaining(1).getRemainingTokens();
    }

    @Benchmark
    @Threads(2)
    public long takeTwoThreads() {
        return bucket.tryConsumeAndReturnRemaining(1).getRemainingTokens();
    }

    @Benchmark
    @Threads(8)
    public long takeEightThreads() {
        return bucket.tryConsumeAndReturnRemaining(1).getRemainingTokens();
    }
}
