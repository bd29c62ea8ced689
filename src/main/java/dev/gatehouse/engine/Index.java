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
            advanced.signalAll();
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
        try {
            return work.apply(new Exclusive() {
                @Override
                public World world() {
                    return world;
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
            lock.writeLock().unlock();
        }
    }

    /** The revision of the last applied write. */
    public long revision() {
        lock.readLock().lock();
        try {
            return revision;
        } finally {
            lock.readLock().unlock();
        }
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
            while (revision < wanted) {
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
