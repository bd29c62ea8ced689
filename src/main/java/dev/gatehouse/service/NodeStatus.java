package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.store.Changelog;
import dev.gatehouse.store.Secrets;
import dev.gatehouse.store.StoreException;

/**
 * What the HTTP layer may know of the node itself: the revision its index reflects, a wait for a newer one,
 * whether its database answers, and the installation's cursor secret. Everything else it learns through a
 * service, so it never reaches the store or the index directly.
 */
public final class NodeStatus {
    private final Reads index;
    private final Changelog changelog;
    private final Secrets secrets;

    NodeStatus(Reads index, Changelog changelog, Secrets secrets) {
        this.index = index;
        this.changelog = changelog;
        this.secrets = secrets;
    }

    /** The revision reads are answered at now. */
    public long revision() {
        return index.revision();
    }

    /**
     * Waits until reads reflect at least {@code revision}, at most {@code timeoutMillis}; true when they do.
     * A revision the database itself has not reached is a 400 at once: no wait would bring it, since a client
     * only learns of a revision once it is committed. Only a node behind its database waits, for its follower
     * to apply what another node committed. The database's head is asked only then, and a database that does
     * not answer is waited for as before.
     */
    public boolean awaitRevision(long revision, long timeoutMillis) throws InterruptedException {
        if (index.revision() >= revision) {
            return true;
        }
        long head;
        try {
            head = changelog.revision();
        } catch (StoreException e) {
            head = Long.MAX_VALUE;
        }
        if (head < revision) {
            throw ApiException.badRequest("revision " + revision + " is newer than the database's latest (" + head
                    + "): ask for a revision a response's X-Gatehouse-Revision gave");
        }
        return index.awaitRevision(revision, timeoutMillis);
    }

    /** True when the database answers, so writes can be made. */
    public boolean ready() {
        return changelog.ping();
    }

    /** The secret that signs list cursors, the same on every node of the database. */
    public byte[] cursorSecret() {
        return secrets.secret("cursor");
    }
}
