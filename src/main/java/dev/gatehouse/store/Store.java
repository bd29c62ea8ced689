package dev.gatehouse.store;

import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Webhook;
import dev.gatehouse.model.WebhookDelivery;
import java.time.Instant;
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
 *   <li>a commit's audit entries are written in its transaction: there with it, or gone with it;</li>
 *   <li>{@link #awaitChange} wakes soon after a commit, wherever it was made.</li>
 * </ul>
 * Validation is the service's job: the store trusts the changes it is given, but a change that breaks
 * one of its constraints (a second user with the same email, say) fails the whole commit with a
 * {@link StoreException}.
 */
public interface Store extends AutoCloseable {

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
     * <pre>{@code try (Store.Group g = store.group()) { long r = g.add(commit); ...; g.commit(); }}</pre>
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
                return Store.this.commit(commit);
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

    /**
     * A random secret of this installation, created on first use and the same ever after (and on every
     * node sharing the database): used to sign pagination cursors.
     */
    byte[] secret(String name);

    /** An organization's audit entries after a position, oldest first, at most {@code limit}. */
    List<AuditEntry> auditLog(String orgId, AuditPosition after, int limit);

    /**
     * Reserves an idempotency key for a request; keys created before {@code expiredBefore} are forgotten
     * first.
     *
     * @return null when this call reserved the key, otherwise what the store holds for it
     */
    IdempotentRequest reserveIdempotencyKey(String scope, String key, String requestHash, Instant now,
                                            Instant expiredBefore);

    /** Stores the answer to a key this node reserved. */
    void completeIdempotencyKey(String scope, String key, IdempotentRequest answer);

    /** Forgets a reserved key whose request got no answer worth repeating (the server failed). */
    void releaseIdempotencyKey(String scope, String key);

    /** Registers a webhook, positioned after the audit entries committed so far. */
    void addWebhook(Webhook webhook);

    /** Removes a webhook and its delivery log; false when the organization has no such webhook. */
    boolean removeWebhook(String orgId, String webhookId);

    /** The webhooks of an organization, or of every organization when {@code orgId} is null. */
    List<Webhook> webhooks(String orgId);

    /** The last audit entry a webhook has had delivered (or skipped), or null if it no longer exists. */
    AuditPosition webhookPosition(String webhookId);

    /** Takes or renews, until {@code until}, the right to deliver a webhook; false when another owner holds it. */
    boolean leaseWebhook(String webhookId, String owner, Instant now, Instant until);

    /**
     * Logs a delivery attempt and, when {@code advance}, moves the webhook past its entry, together.
     *
     * @return the attempt as logged, with its id
     */
    WebhookDelivery recordDelivery(WebhookDelivery attempt, String owner, boolean advance);

    /** Moves a webhook past entries it does not want, without logging them; only the lease holder can. */
    void advanceWebhook(String webhookId, String owner, AuditPosition to);

    /** A webhook's delivery log after {@code afterId}, oldest first. */
    List<WebhookDelivery> deliveries(String webhookId, long afterId, int limit);

    /** True when the database answers. */
    boolean ping();

    @Override
    void close();
}
