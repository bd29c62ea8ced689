package dev.gatehouse.store;

/** The database refused a write or could not be reached. Nothing was written. */
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
