package dev.gatehouse.faults;

import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditQuery;
import dev.gatehouse.model.Webhook;
import dev.gatehouse.model.WebhookDelivery;
import dev.gatehouse.model.AuditPosition;
import dev.gatehouse.store.ChangelogEntry;
import dev.gatehouse.store.Commit;
import dev.gatehouse.model.IdempotentRequest;
import dev.gatehouse.store.Snapshot;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store that fails on cue, around a real one (SQLite, which has no connection to cut): the next group
 * commits fail before they reach the database (as an I/O error that rolls back does), the next one hangs
 * first (a disk that stalls), or, during an outage, every call fails without reaching the database (a
 * disk that went away). Failures happen before the real call, so "nothing was written" is then the truth.
 */
final class FlakyStore implements Store {
    private final Store real;
    private volatile boolean outage;
    private final AtomicInteger failingCommits = new AtomicInteger();
    private final AtomicLong hangMillis = new AtomicLong();
    private volatile boolean failAfterHang;
    private volatile boolean outageAtCommit;

    FlakyStore(Store real) {
        this.real = real;
    }

    void outage(boolean on) {
        outage = on;
        outageAtCommit = false;
    }

    /** The outage begins as the next group commits: that commit fails, with writes already added to it. */
    void outageAtNextCommit() {
        outageAtCommit = true;
    }

    void failNextCommits(int n) {
        failingCommits.set(n);
    }

    void hangNextCommit(long millis, boolean thenFail) {
        failAfterHang = thenFail;
        hangMillis.set(millis);
    }

    private void check() {
        if (outage) {
            throw new StoreException("injected: the database does not answer", null);
        }
    }

    @Override
    public Group group() {
        check();
        Group g = real.group();
        return new Group() {
            @Override
            public long add(Commit commit) {
                check();
                return g.add(commit);
            }

            @Override
            public void commit() {
                long hang = hangMillis.getAndSet(0);
                boolean fail = false;
                if (hang > 0) {
                    try {
                        Thread.sleep(hang);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    fail = failAfterHang;
                }
                if (outageAtCommit) {
                    outageAtCommit = false;
                    outage = true;
                }
                check();
                if (fail || failingCommits.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    // Not passed on: closing the real group rolls it back, so nothing is written.
                    throw new StoreException("injected: the commit failed", null);
                }
                g.commit();
            }

            @Override
            public void close() {
                g.close();
            }
        };
    }

    @Override
    public long commit(Commit commit) {
        try (Group g = group()) {
            long revision = g.add(commit);
            g.commit();
            return revision;
        }
    }

    @Override
    public Snapshot load() {
        check();
        return real.load();
    }

    @Override
    public List<ChangelogEntry> changesAfter(long revision, int limit) {
        check();
        return real.changesAfter(revision, limit);
    }

    @Override
    public long revision() {
        check();
        return real.revision();
    }

    @Override
    public long awaitChange(long afterRevision, long timeoutMillis) {
        check();
        return real.awaitChange(afterRevision, timeoutMillis);
    }

    @Override
    public byte[] secret(String name) {
        check();
        return real.secret(name);
    }

    @Override
    public List<AuditEntry> auditLog(String orgId, AuditPosition after, int limit) {
        check();
        return real.auditLog(orgId, after, limit);
    }

    @Override
    public List<AuditEntry> auditEntries(String orgId, AuditQuery query, AuditPosition before, int limit) {
        check();
        return real.auditEntries(orgId, query, before, limit);
    }

    @Override
    public AuditEntry auditEntry(String orgId, long revision, int seq) {
        check();
        return real.auditEntry(orgId, revision, seq);
    }

    @Override
    public IdempotentRequest reserveIdempotencyKey(String scope, String key, String requestHash, Instant now,
                                                   Instant expiredBefore) {
        check();
        return real.reserveIdempotencyKey(scope, key, requestHash, now, expiredBefore);
    }

    @Override
    public void completeIdempotencyKey(String scope, String key, IdempotentRequest answer) {
        check();
        real.completeIdempotencyKey(scope, key, answer);
    }

    @Override
    public void releaseIdempotencyKey(String scope, String key) {
        check();
        real.releaseIdempotencyKey(scope, key);
    }

    @Override
    public void addWebhook(Webhook webhook) {
        check();
        real.addWebhook(webhook);
    }

    @Override
    public boolean removeWebhook(String orgId, String webhookId) {
        check();
        return real.removeWebhook(orgId, webhookId);
    }

    @Override
    public List<Webhook> webhooks(String orgId) {
        check();
        return real.webhooks(orgId);
    }

    @Override
    public AuditPosition webhookPosition(String webhookId) {
        check();
        return real.webhookPosition(webhookId);
    }

    @Override
    public boolean leaseWebhook(String webhookId, String owner, Instant now, Instant until) {
        check();
        return real.leaseWebhook(webhookId, owner, now, until);
    }

    @Override
    public WebhookDelivery recordDelivery(WebhookDelivery attempt, String owner, boolean advance) {
        check();
        return real.recordDelivery(attempt, owner, advance);
    }

    @Override
    public void advanceWebhook(String webhookId, String owner, AuditPosition to) {
        check();
        real.advanceWebhook(webhookId, owner, to);
    }

    @Override
    public List<WebhookDelivery> deliveries(String webhookId, long afterId, int limit) {
        check();
        return real.deliveries(webhookId, afterId, limit);
    }

    @Override
    public boolean ping() {
        return !outage && real.ping();
    }

    @Override
    public void close() {
        real.close();
    }
}
