package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.store.Changelog;
import dev.gatehouse.store.Secrets;

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

    /** Waits until reads reflect at least {@code revision}, at most {@code timeoutMillis}; true when they do. */
    public boolean awaitRevision(long revision, long timeoutMillis) throws InterruptedException {
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
