package dev.gatehouse.engine;

import java.time.Clock;

/**
 * The instant a read answers for. Grants expire by the clock, not by a write, so an answer is a function
 * of the state AND the instant: the same revision answers differently before and after an expiry.
 *
 * <p>A read pins one instant for everything it asks ({@link Index#read} pins the clock's time as it takes
 * the read lock), so that one answer, an aggregate of many members or a check of many questions, is made
 * at one instant, never half before and half after an expiry. Pins are per thread, since reads run
 * concurrently, and nest. A read that pinned nothing answers for the clock's time when it asks.
 *
 * <p>The engine reads no clock of its own choosing: the one it asks is handed to it (by the service, through
 * {@link Index}); the system clock is only the default of a world built without one.
 */
final class ReadTime {
    private static final long UNPINNED = Long.MIN_VALUE;

    private final Clock clock;
    /** One slot per thread, reused, so that pinning allocates nothing. */
    private final ThreadLocal<long[]> pinned = ThreadLocal.withInitial(() -> new long[] {UNPINNED});

    ReadTime(Clock clock) {
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /** The pinned instant of this thread's read, else the clock's, in microseconds. */
    long now() {
        long at = pinned.get()[0];
        return at != UNPINNED ? at : clockNow();
    }

    long clockNow() {
        return Expiry.floor(clock.instant());
    }

    /** Pins {@code at} for this thread; returns what {@link #unpin} must restore. */
    long pin(long at) {
        long[] slot = pinned.get();
        long before = slot[0];
        slot[0] = at;
        return before;
    }

    /** Pins the clock's time unless an instant is pinned already (an enclosing read keeps its own). */
    long pinNowUnlessPinned() {
        long[] slot = pinned.get();
        long before = slot[0];
        if (before == UNPINNED) {
            slot[0] = clockNow();
        }
        return before;
    }

    void unpin(long before) {
        pinned.get()[0] = before;
    }
}
