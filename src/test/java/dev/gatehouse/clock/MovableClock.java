package dev.gatehouse.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still at the instant a test set, until the test moves it: the way to ask "a microsecond
 * before the expiry" and "at the expiry" exactly, which a ticking clock cannot. Safe to read from any thread.
 */
public final class MovableClock extends Clock {
    private volatile Instant now;

    public MovableClock(Instant start) {
        this.now = start;
    }

    /** A clock standing at the system clock's time, to the microsecond. */
    public static MovableClock atSystemTime() {
        return new MovableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    public void set(Instant at) {
        now = at;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
