package dev.gatehouse.service;

/**
 * What the HTTP layer may know of the node itself: the revision its index reflects, a wait for a newer one,
 * whether its database answers, and the installation's cursor secret. Everything else it learns through a
 * service, so it never reaches the store or the index directly.
 */
public final class NodeStatus {
    private final Gatehouse core;

    NodeStatus(Gatehouse core) {
        this.core = core;
    }

    /** The revision reads are answered at now. */
    public long revision() {
        return core.index().revision();
    }

    /** Waits until reads reflect at least {@code revision}, at most {@code timeoutMillis}; true when they do. */
    public boolean awaitRevision(long revision, long timeoutMillis) throws InterruptedException {
        return core.index().awaitRevision(revision, timeoutMillis);
    }

    /** True when the database answers, so writes can be made. */
    public boolean ready() {
        return core.store().ping();
    }

    /** The secret that signs list cursors, the same on every node of the database. */
    public byte[] cursorSecret() {
        return core.store().secret("cursor");
    }
}
