package dev.gatehouse.store;

/**
 * The store's latest revision is not the one a write was planned against: another node committed first.
 * Nothing was written; the writer catches up and plans again.
 */
public final class StaleRevisionException extends StoreException {
    private final long latest;

    public StaleRevisionException(long expected, long latest) {
        super("the write was planned at revision " + expected + " but the store is at " + latest, null, false);
        this.latest = latest;
    }

    public long latest() {
        return latest;
    }
}
