package dev.gatehouse.service;

/**
 * Whether the store has just failed a write. While it has, writes are refused at once rather than each
 * waiting the full time bound for a database that is down; one write is let through every
 * {@link #PROBE_MILLIS} to find out whether it is back, and any success (a write, or the follower reading
 * the changelog) ends the outage. So the node heals by itself, within seconds of the database.
 */
final class Outage {
    static final long PROBE_MILLIS = 500;
    private volatile long refuseUntil;
    private volatile boolean failing;

    /** A write failed for want of the database. */
    void failed() {
        failing = true;
        refuseUntil = System.nanoTime() + PROBE_MILLIS * 1_000_000L;
    }

    /** The database answered. */
    void recovered() {
        if (failing) {
            failing = false;
            refuseUntil = System.nanoTime();
        }
    }

    /** True while writes should be refused without trying the database. */
    boolean refusing() {
        return failing && System.nanoTime() - refuseUntil < 0;
    }

    /** True from a failure until the next success. */
    boolean failing() {
        return failing;
    }
}
