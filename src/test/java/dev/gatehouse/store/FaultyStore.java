package dev.gatehouse.store;

import dev.gatehouse.model.IdempotentRequest;

import dev.gatehouse.model.AuditPosition;

import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditQuery;
import dev.gatehouse.model.Webhook;
import dev.gatehouse.model.WebhookDelivery;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real store with a fault switched in at the moment a group of writes commits: the commit fails before
 * anything is written, or the connection "breaks" after the commit did or did not happen, or the commit
 * hangs until released; and reading the changelog may be held back. Everything else goes straight to the
 * store beneath.
 */
public final class FaultyStore implements Store {
    public enum Fault { NONE, FAIL, UNKNOWN_BUT_COMMITTED, UNKNOWN_AND_LOST, STALL, DOWN }

    /** When set, storing or releasing an idempotent answer fails, as when the database goes after a commit. */
    public volatile boolean answersFail;

    private final Store inner;
    public volatile Fault fault = Fault.NONE;
    /** Counted down once a stalled commit has begun to wait. */
    public volatile CountDownLatch stalled = new CountDownLatch(1);
    /** Released to let a stalled commit go on (and commit). */
    public volatile CountDownLatch release = new CountDownLatch(1);

    /** When set, reading the changelog waits until it is counted down: a follower held back. */
    public volatile CountDownLatch changesHeld;

    public FaultyStore(Store inner) {
        this.inner = inner;
    }

    @Override
    public long commit(Commit commit) {
        try (Group g = group()) {
            long r = g.add(commit);
            g.commit();
            return r;
        }
    }

    @Override
    public Group group() {
        if (fault == Fault.DOWN) {
            throw new StoreException("connection refused", null);
        }
        Group g = inner.group();
        return new Group() {
            @Override
            public long add(Commit commit) {
                return g.add(commit);
            }

            @Override
            public void commit() {
                switch (fault) {
                    case FAIL -> throw new StoreException("the writes were not stored: injected", null);
                    case UNKNOWN_AND_LOST -> throw new CommitOutcomeUnknownException("injected: lost", null);
                    case UNKNOWN_BUT_COMMITTED -> {
                        g.commit();
                        throw new CommitOutcomeUnknownException("injected: committed", null);
                    }
                    case STALL -> {
                        stalled.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        g.commit();
                    }
                    default -> g.commit();
                }
            }

            @Override
            public void close() {
                g.close();
            }
        };
    }

    @Override
    public Snapshot load() {
        down();
        return inner.load();
    }

    @Override
    public List<ChangelogEntry> changesAfter(long revision, int limit) {
        down();
        CountDownLatch held = changesHeld;
        if (held != null) {
            try {
                held.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return inner.changesAfter(revision, limit);
    }

    private void down() {
        if (fault == Fault.DOWN) {
            throw new StoreException("connection refused", null);
        }
    }

    @Override
    public long revision() {
        return inner.revision();
    }

    @Override
    public long awaitChange(long afterRevision, long timeoutMillis) {
        return inner.awaitChange(afterRevision, timeoutMillis);
    }

    @Override
    public byte[] secret(String name) {
        return inner.secret(name);
    }

    @Override
    public List<AuditEntry> auditLog(String orgId, AuditPosition after, int limit) {
        return inner.auditLog(orgId, after, limit);
    }

    @Override
    public List<AuditEntry> auditEntries(String orgId, AuditQuery query, AuditPosition before, int limit) {
        return inner.auditEntries(orgId, query, before, limit);
    }

    @Override
    public AuditEntry auditEntry(String orgId, long revision, int seq) {
        return inner.auditEntry(orgId, revision, seq);
    }

    @Override
    public IdempotentRequest reserveIdempotencyKey(String scope, String key, String requestHash, Instant now,
                                                   Instant expiredBefore) {
        return inner.reserveIdempotencyKey(scope, key, requestHash, now, expiredBefore);
    }

    @Override
    public void completeIdempotencyKey(String scope, String key, IdempotentRequest answer) {
        if (answersFail) {
            throw new StoreException("connection refused", null);
        }
        inner.completeIdempotencyKey(scope, key, answer);
    }

    @Override
    public void releaseIdempotencyKey(String scope, String key) {
        if (answersFail) {
            throw new StoreException("connection refused", null);
        }
        inner.releaseIdempotencyKey(scope, key);
    }

    @Override
    public void addWebhook(Webhook webhook) {
        inner.addWebhook(webhook);
    }

    @Override
    public boolean removeWebhook(String orgId, String webhookId) {
        return inner.removeWebhook(orgId, webhookId);
    }

    @Override
    public List<Webhook> webhooks(String orgId) {
        return inner.webhooks(orgId);
    }

    @Override
    public AuditPosition webhookPosition(String webhookId) {
        return inner.webhookPosition(webhookId);
    }

    @Override
    public boolean leaseWebhook(String webhookId, String owner, Instant now, Instant until) {
        return inner.leaseWebhook(webhookId, owner, now, until);
    }

    @Override
    public WebhookDelivery recordDelivery(WebhookDelivery attempt, String owner, boolean advance) {
        return inner.recordDelivery(attempt, owner, advance);
    }

    @Override
    public void advanceWebhook(String webhookId, String owner, AuditPosition to) {
        inner.advanceWebhook(webhookId, owner, to);
    }

    @Override
    public List<WebhookDelivery> deliveries(String webhookId, long afterId, int limit) {
        return inner.deliveries(webhookId, afterId, limit);
    }

    @Override
    public boolean ping() {
        return fault != Fault.DOWN && inner.ping();
    }

    @Override
    public void close() {
        inner.close();
    }
}
