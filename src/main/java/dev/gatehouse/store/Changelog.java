package dev.gatehouse.store;

import dev.gatehouse.model.Change;
import java.time.Instant;
import java.util.List;

/**
 * The truth and its history: commits, each under the next revision with its changelog entry and audit
 * entries in one transaction; the whole state at the latest revision; what came after a revision; and a
 * wait for the next commit, wherever it was made.
 *
 * <p>The contract, which {@code ChangelogContract} checks for every store:
 * <ul>
 *   <li>{@link #commit} applies all changes or none, durably, before returning; revisions are
 *       assigned in commit order, 1, 2, 3... with no gap, even when several processes share the database;</li>
 *   <li>after a commit, {@link #load} reflects it, and {@link #changesAfter} returns it with the
 *       same changes, in the same order, that were committed;</li>
 *   <li>the state survives closing and reopening the store;</li>
 *   <li>a commit's audit entries are written in its transaction: there with it, or gone with it;</li>
 *   <li>{@link #awaitChange} wakes soon after a commit, wherever it was made.</li>
 * </ul>
 * Validation is the service's job: the store trusts the changes it is given, but a change that breaks
 * one of its constraints (a second user with the same email, say) fails the whole commit with a
 * {@link StoreException}.
 */
public interface Changelog {

    /**
     * Commits a write in one transaction: its changes, its changelog row and its audit entries.
     *
     * @return the new revision
     * @throws StaleRevisionException if the store is not at the commit's expected revision; nothing was written
     * @throws StoreException if the database refused the changes or could not be reached; nothing was written
     */
    long commit(Commit commit);

    /** Commits changes planned against nothing (a bulk load), with no audit entries. */
    default long commit(String actor, List<Change> changes) {
        return commit(new Commit(Commit.ANY, actor, Instant.now(), changes, List.of()));
    }

    /**
     * Several writes made durable together, so that concurrent writers share one sync to disk instead of
     * queueing for one each. Each write keeps its own revision (the next one, in the order added) and its
     * own changelog entry, exactly as {@link #commit} would have given it.
     *
     * <p>Used from one thread, and it holds the store until closed:
     * <pre>{@code try (Changelog.Group g = store.group()) { long r = g.add(commit); ...; g.commit(); }}</pre>
     */
    interface Group extends AutoCloseable {
        /**
         * Adds one write to the group and returns the revision it will have.
         *
         * @throws StaleRevisionException if the store is not at the write's expected revision; the write is
         *                                left out and the group goes on
         * @throws StoreException if the database refused these changes; the write is left out (it takes no
         *                        revision) and the group goes on with the others
         */
        long add(Commit commit);

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
            public long add(Commit commit) {
                return Changelog.this.commit(commit);
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
     * Blocks until the store's latest revision is greater than {@code afterRevision} or the timeout
     * passes, and returns the latest revision (so a caller that timed out gets a value not above
     * {@code afterRevision}). Commits by other nodes on the same database count: this is how a node learns
     * that the changelog has grown. An interrupted wait returns at once with the interrupt flag set.
     *
     * @throws StoreException if the store is closed or the database cannot be read
     */
    long awaitChange(long afterRevision, long timeoutMillis);

    /** True when the database answers. */
    boolean ping();
}
