package dev.gatehouse.engine;

import java.time.Instant;

/**
 * Instants as the engine compares them: microseconds since the epoch in a {@code long}, the precision
 * every store keeps. A grant counts at instant t while t is before its expiry, and not from its expiry on.
 */
final class Expiry {
    /** The expiry of what never expires. */
    static final long NEVER = Long.MAX_VALUE;

    private Expiry() {
    }

    /** The instant in microseconds, rounded down: where a read's clock stands. */
    static long floor(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    /**
     * An expiry in microseconds, rounded up: a grant expiring between two microseconds still counts at the
     * first, so that "t is before the expiry" holds alike for the instant and its microsecond.
     */
    static long ceiling(Instant t) {
        return t == null ? NEVER : floor(t) + (t.getNano() % 1000 == 0 ? 0 : 1);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    /** Whether something expiring at {@code expiresAt} has expired at {@code now} (both in microseconds). */
    static boolean passed(long expiresAt, long now) {
        return now >= expiresAt;
    }
}
