package dev.gatehouse.store;

/**
 * The database refused a write or could not be reached: nothing was written. The one exception is
 * {@link CommitOutcomeUnknownException}, thrown when the commit itself may or may not have happened.
 */
public class StoreException extends RuntimeException {
    private final boolean conflict;

    public StoreException(String message, Throwable cause, boolean conflict) {
        super(message, cause);
        this.conflict = conflict;
    }

    public StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** True when a constraint was broken (the data conflicts), false when the database failed. */
    public boolean isConflict() {
        return conflict;
    }
}
