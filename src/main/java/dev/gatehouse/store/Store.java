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

    /**
     * Several writes made durable together, so that concurrent writers share one sync to disk instead of
     * queueing for one each. Each write keeps its own revision (the next one, in the order added) and its
     * own changelog entry, exactly as {@link #commit} would have given it.
     *
     * <p>Used from one thread, and it holds the store until closed:
     * <pre>{@code try (Store.Group g = store.group()) { long r = g.add(actor, changes); ...; g.commit(); }}</pre>
     */
    interface Group extends AutoCloseable {
        /**
         * Adds one write to the group and returns the revision it will have.
         *
         * @throws StoreException if the database refused these changes; the write is left out (it takes no
         *                        revision) and the group goes on with the others
         */
        long add(String actor, List<Change> changes);

        /**
         * Makes every write added so far durable.
         *
         * @throws StoreException if that failed: then none of them was written (for stores that group)
         */
        void commit();

        /** Ends the group; writes added since the last {@link #commit} are discarded (for stores that group). */
        @Override
        void close();
    }

    /**
     * Starts a group of writes. A store that cannot group keeps this default: each write is committed on
     * its own, durably, as it is added, and {@link Group#commit} has nothing left to do.
     */
    default Group group() {
        return new Group() {
            @Override
            public long add(String actor, List<Change> changes) {
                return Store.this.commit(actor, changes);
            }

            @Override
            public void commit() {
            }

            @Override
            public void close() {
            }
        };
    }

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
