package dev.gatehouse.store;

/**
 * The connection to the database broke while it was committing: the writes may or may not be stored, and
 * only the changelog can tell. A caller must neither claim they were written nor that they were not.
 */
public final class CommitOutcomeUnknownException extends StoreException {
    public CommitOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause, false);
    }
}
