package dev.gatehouse.engine;

import dev.gatehouse.model.Change;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The {@link World} behind a read-write lock, with the store revision it reflects.
 *
 * <p>Reads run concurrently; applying a committed write takes the lock exclusively, so a read sees a
 * write's changes all or none. Writes are applied in revision order: an out-of-order revision is a bug
 * in the caller and is refused.
 */
public final class Index {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Condition advanced = lock.writeLock().newCondition();
    private World world = new World();
    private long revision;
    /**
     * The revision readers may know about: {@link #revision} once a write is visible. Volatile, so that
     * asking for it never waits behind a group of writes holding the index.
     */
    private volatile long published;
    /** Whether a group of writes holds the index: what it applies is published only when it is done. */
    private boolean exclusive;

    /** Runs a read against a consistent state of the world. The function must not keep views it was given. */
    public <T> T read(Function<World, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(world);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Applies the changes of one committed revision. */
    public void apply(long newRevision, List<Change> changes) {
        lock.writeLock().lock();
        try {
            if (newRevision <= revision) {
                throw new IllegalStateException("revision " + newRevision + " is not after " + revision);
            }
            for (Change c : changes) {
                world.apply(c);
            }
            revision = newRevision;
            if (!exclusive) {
                published = revision;
                advanced.signalAll();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * What a group of writes does with the index while it holds it exclusively: plan against the world as
     * the earlier writes of the group left it, and apply each write once it is stored.
     */
    public interface Exclusive {
        World world();

        /** The revision of the last write applied, published or not. */
        long revision();

        void apply(long newRevision, List<Change> changes);

        /** Replaces everything with a state reloaded from the store, after a group that could not be stored. */
        void reset(long newRevision, List<Change> changes);
    }

    /**
     * Runs {@code work} with the index held exclusively: no read runs meanwhile, so the writes it applies
     * become visible together when it returns, and only then. A group of writes applies each write as soon
     * as it is stored (the next write of the group must see it) and returns once all are durable.
     */
    public <T> T exclusively(Function<Exclusive, T> work) {
        lock.writeLock().lock();
        exclusive = true;
        try {
            return work.apply(new Exclusive() {
                @Override
                public World world() {
                    return world;
                }

                @Override
                public long revision() {
                    return revision;
                }

                @Override
                public void apply(long newRevision, List<Change> changes) {
                    Index.this.apply(newRevision, changes);
                }

                @Override
                public void reset(long newRevision, List<Change> changes) {
                    world = new World();
                    revision = 0;
                    if (newRevision > 0) {
                        Index.this.apply(newRevision, changes);
                    }
                }
            });
        } finally {
            exclusive = false;
            published = revision;
            advanced.signalAll();
            lock.writeLock().unlock();
        }
    }

    /** The revision of the last write readers can see; it never waits for a group of writes in progress. */
    public long revision() {
        return published;
    }

    /**
     * Waits until the index has reached {@code wanted}, at most {@code timeoutMillis}.
     *
     * @return true when it has
     */
    public boolean awaitRevision(long wanted, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        lock.writeLock().lock();
        try {
            while (published < wanted) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                advanced.awaitNanos(left);
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
