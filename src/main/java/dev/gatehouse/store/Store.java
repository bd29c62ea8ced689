package dev.gatehouse.store;

import dev.gatehouse.model.Change;
import java.util.List;

/**
 * Durable storage of everything Gatehouse knows.
 *
 * <p>The contract, which the conformance suite checks for every implementation:
 * <ul>
 *   <li>{@link #commit} applies all changes or none, durably, before returning; revisions are
 *       assigned in commit order, 1, 2, 3... with no gap, even when several processes share the database;</li>
 *   <li>after a commit, {@link #load} reflects it, and {@link #changesAfter} returns it with the
 *       same changes, in the same order, that were committed;</li>
 *   <li>the state survives closing and reopening the store;</li>
 *   <li>{@link #awaitChange} wakes soon after a commit, wherever it was made.</li>
 * </ul>
 * Validation is the service's job: the store trusts the changes it is given, but a change that breaks
 * one of its constraints (a second user with the same email, say) fails the whole commit with a
 * {@link StoreException}.
 */
public interface Store extends AutoCloseable {

    /**
     * Commits the changes in one transaction and appends them to the changelog.
     *
     * @param actor who made the change: a user id, or {@code "system"}
     * @return the new revision
     * @throws StoreException if the database refused the changes or could not be reached; nothing was written
     */
    long commit(String actor, List<Change> changes);

    /** Everything currently stored, read in one consistent transaction, with the revision it reflects. */
    Snapshot load();

    /** The changelog after {@code revision}, oldest first, at most {@code limit} entries. */
    List<ChangelogEntry> changesAfter(long revision, int limit);

    /** The latest committed revision, 0 for an empty store. */
    long revision();

    /**
     * Blocks until the store's latest revision is greater than {@code afterRevision} or the timeout
     * passes, and returns the latest revision (so a caller that timed out gets a value not above
     * {@code afterRevision}). Commits by other nodes on the same database count: this is how a node learns
     * that the changelog has grown. An interrupted wait returns at once with the interrupt flag set.
     *
     * @throws StoreException if the store is closed or the database cannot be read
     */
    long awaitChange(long afterRevision, long timeoutMillis);

    /**
     * A random secret of this installation, created on first use and the same ever after (and on every
     * node sharing the database): used to sign pagination cursors.
     */
    byte[] secret(String name);

    /** True when the database answers. */
    boolean ping();

    @Override
    void close();
}
