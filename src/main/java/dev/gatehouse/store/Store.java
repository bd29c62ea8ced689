package dev.gatehouse.store;

import dev.gatehouse.model.Change;
import java.util.List;

/**
 * Durable storage of everything Gatehouse knows.
 *
 * <p>The contract, which the conformance suite checks for every implementation:
 * <ul>
 *   <li>{@link #commit} applies all changes or none, durably, before returning; revisions are
 *       assigned in commit order, each one greater than the last, starting at 1;</li>
 *   <li>after a commit, {@link #load} reflects it, and {@link #changesAfter} returns it with the
 *       same changes, in the same order, that were committed;</li>
 *   <li>the state survives closing and reopening the store.</li>
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
     * A random secret of this installation, created on first use and the same ever after (and on every
     * node sharing the database): used to sign pagination cursors.
     */
    byte[] secret(String name);

    /** True when the database answers. */
    boolean ping();

    @Override
    void close();
}
