package dev.gatehouse.store;

import dev.gatehouse.model.IdempotentRequest;

import dev.gatehouse.model.AuditPosition;

import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditQuery;
import dev.gatehouse.model.Webhook;
import dev.gatehouse.model.WebhookDelivery;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What SQLite and PostgreSQL do alike: every concern but the commit itself is plain SQL in one
 * transaction ({@link SqlAudit}, {@link SqlIdempotency}, {@link SqlWebhooks}, {@link SqlSecrets},
 * {@link SqlTables}, {@link SqlChangelog}). A database says only how it runs a transaction, how it reads
 * its latest revision, and how a write group commits and announces itself.
 */
public abstract class JdbcStore implements Store {
    /** Seals the secrets that must stay usable (webhook signing keys, the cursor secret). */
    protected final SecretBox box;

    protected JdbcStore(SecretBox box) {
        this.box = box;
    }

    /** Work inside one transaction, on its connection. */
    @FunctionalInterface
    protected interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. A failure is a
     * {@link StoreException} saying {@code what} failed.
     *
     * @param write whether the work writes (SQLite then takes the file's write lock at once)
     */
    protected abstract <T> T transaction(boolean write, String what, Work<T> work);

    /** The latest committed revision, read inside a transaction. */
    protected abstract long head(Connection c) throws SQLException;

    /**
     * How one database runs a group of writes ({@link JdbcWriteGroup}): the only code of the commit path that
     * differs between SQLite and PostgreSQL.
     */
    protected interface Dialect {
        /** A connection with a write transaction begun on it. */
        Connection beginWrite() throws SQLException;

        /** The latest revision, locked against every other writer until the transaction ends. */
        long lockHead(Connection c) throws SQLException;

        /** Moves the head to {@code revision}, where the database keeps it apart from the changelog. */
        void advanceHead(Connection c, long revision) throws SQLException;

        /** Tells other nodes of {@code revision}, delivered only if (and when) the transaction commits. */
        void announce(Connection c, long revision) throws SQLException;

        void commitWrite(Connection c) throws SQLException;

        /** After a commit: wakes this process's waiters. */
        void committed(long revision);

        /** Rolls back whatever did not commit and lets the connection go. Never throws. */
        void endWrite(Connection c);

        /** The group is closed: lets go of whatever it held from its start. */
        void releaseGroup();

        /** Whether a failure broke one of the database's constraints (the data conflicts). */
        boolean conflict(Throwable e);

        /** Whether a failed commit may nonetheless have committed. */
        boolean outcomeUnknown(SQLException e);
    }

    /** A group of writes on this database, as its dialect runs it. */
    protected final Group writeGroup(Dialect dialect) {
        return new JdbcWriteGroup(dialect);
    }

    @Override
    public long commit(Commit commit) {
        try (Group group = group()) {
            long revision = group.add(commit);
            group.commit();
            return revision;
        }
    }

    /** Reads the whole state inside a transaction; a database may first make that transaction a snapshot. */
    protected Snapshot load(Connection c) throws SQLException {
        return SqlTables.load(c, head(c));
    }

    @Override
    public Snapshot load() {
        return transaction(false, "reading the database", this::load);
    }

    @Override
    public List<ChangelogEntry> changesAfter(long revision, int limit) {
        return transaction(false, "reading the changelog", c -> SqlChangelog.after(c, revision, limit));
    }

    @Override
    public long revision() {
        return transaction(false, "reading the revision", this::head);
    }

    @Override
    public byte[] secret(String name) {
        return transaction(true, "reading secret '" + name + "'", c -> SqlSecrets.get(c, name, box));
    }

    @Override
    public List<AuditEntry> auditLog(String orgId, AuditPosition after, int limit) {
        return transaction(false, "reading the audit log", c -> SqlAudit.page(c, orgId, after, limit));
    }

    @Override
    public List<AuditEntry> auditEntries(String orgId, AuditQuery query, AuditPosition before, int limit) {
        return transaction(false, "reading the audit log", c -> SqlAudit.matching(c, orgId, query, before, limit));
    }

    @Override
    public AuditEntry auditEntry(String orgId, long revision, int seq) {
        return transaction(false, "reading the audit log", c -> SqlAudit.one(c, orgId, revision, seq));
    }

    @Override
    public IdempotentRequest reserveIdempotencyKey(String scope, String key, String requestHash, Instant now,
                                                   Instant expiredBefore) {
        // A concurrent reservation of the same key on another node: the insert waits for it, then finds it.
        return transaction(true, "reserving an idempotency key",
                c -> SqlIdempotency.reserve(c, scope, key, requestHash, now, expiredBefore));
    }

    @Override
    public void completeIdempotencyKey(String scope, String key, IdempotentRequest answer) {
        transaction(true, "storing an idempotent answer", c -> {
            SqlIdempotency.complete(c, scope, key, answer);
            return null;
        });
    }

    @Override
    public void releaseIdempotencyKey(String scope, String key) {
        transaction(true, "releasing an idempotency key", c -> {
            SqlIdempotency.release(c, scope, key);
            return null;
        });
    }

    @Override
    public void addWebhook(Webhook webhook) {
        transaction(true, "adding a webhook", c -> {
            SqlWebhooks.insert(c, webhook, AuditPosition.afterRevision(head(c)), box);
            return null;
        });
    }

    @Override
    public boolean removeWebhook(String orgId, String webhookId) {
        return transaction(true, "removing a webhook", c -> SqlWebhooks.delete(c, orgId, webhookId));
    }

    @Override
    public List<Webhook> webhooks(String orgId) {
        return transaction(false, "reading webhooks", c -> SqlWebhooks.list(c, orgId, box));
    }

    @Override
    public AuditPosition webhookPosition(String webhookId) {
        return transaction(false, "reading a webhook", c -> SqlWebhooks.position(c, webhookId));
    }

    @Override
    public boolean leaseWebhook(String webhookId, String owner, Instant now, Instant until) {
        // One UPDATE: its row lock decides between nodes asking at once, and the loser sees the winner's lease.
        return transaction(true, "leasing a webhook", c -> SqlWebhooks.lease(c, webhookId, owner, now, until));
    }

    @Override
    public WebhookDelivery recordDelivery(WebhookDelivery attempt, String owner, boolean advance) {
        return transaction(true, "logging a delivery", c -> SqlWebhooks.record(c, attempt, owner, advance));
    }

    @Override
    public void advanceWebhook(String webhookId, String owner, AuditPosition to) {
        transaction(true, "moving a webhook on", c -> {
            SqlWebhooks.advance(c, webhookId, owner, to);
            return null;
        });
    }

    @Override
    public List<WebhookDelivery> deliveries(String webhookId, long afterId, int limit) {
        return transaction(false, "reading deliveries", c -> SqlWebhooks.deliveries(c, webhookId, afterId, limit));
    }
}
