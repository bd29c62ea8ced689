package dev.gatehouse.engine;

import dev.gatehouse.model.Change;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The {@link World} behind a read-write lock, with the store revision it reflects.
 *
 * <p>Reads run concurrently; applying committed writes takes the lock exclusively, so a read sees a
 * write's changes all or none. Writes are applied in revision order: an out-of-order revision is a bug
 * in the caller and is refused.
 *
 * <p>The index only ever holds what the store committed. A write that is not committed yet may be tried
 * out against it ({@link #tryOut}), but is taken back before any reader can look; what the store then
 * committed is applied with {@link #applyAll}. The lock is never held while the store is asked anything,
 * so readers never wait on the database.
 *
 * <p>A read answers for the revision it sees AND the instant it runs at, which it pins as it takes the lock
 * (see {@link ReadTime}): a grant stops counting at its expiry by the clock, on every node, without a write.
 * The revision therefore still names exactly what the store committed, and the sweep that later removes an
 * expired grant is an ordinary write with its own revision that changes no answer. A write is planned at
 * the instant its group is tried out, so what it checks (the caller's permission, whether a grant is still
 * there) is what a read at that instant would answer.
 */
public final class Index implements Reads {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Condition advanced = lock.writeLock().newCondition();
    private final Clock clock;
    private World world;
    private long revision;
    /**
     * The revision readers may know about: {@link #revision} once a write is visible. Volatile, so that
     * asking for it never waits behind the lock.
     */
    private volatile long published;

    /** An index whose reads answer for the system clock's time. */
    public Index() {
        this(Clock.systemUTC());
    }

    /** An index whose reads answer for {@code clock}'s time: the clock every expiry is measured by. */
    public Index(Clock clock) {
        this.clock = clock;
        this.world = new World(clock);
    }

    /**
     * Runs a read against a consistent state of the world, at one instant. The function must not keep views
     * it was given.
     */
    @Override
    public <T> T read(Function<World, T> query) {
        lock.readLock().lock();
        World w = world;
        long before = w.time().pinNowUnlessPinned();
        try {
            return query.apply(w);
        } finally {
            w.time().unpin(before);
            lock.readLock().unlock();
        }
    }

    /** Applies the changes of one committed revision. */
    public void apply(long newRevision, List<Change> changes) {
        applyAll(List.of(new Revision(newRevision, changes)));
    }

    /** One committed revision and its changes. */
    public record Revision(long revision, List<Change> changes) {
    }

    /** Applies committed revisions, in order, all visible to readers at once. */
    public void applyAll(List<Revision> revisions) {
        if (revisions.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            long at = revision;
            for (Revision r : revisions) {
                if (r.revision() <= at) {
                    throw new IllegalStateException("revision " + r.revision() + " is not after " + at);
                }
                at = r.revision();
            }
            for (Revision r : revisions) {
                for (Change c : r.changes()) {
                    world.apply(c);
                }
            }
            revision = at;
            published = at;
            advanced.signalAll();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** What a group of writes sees while it tries itself out: the world, with its earlier writes applied. */
    public interface Trial {
        World world();

        /** Applies one write's changes, for the rest of the trial only. */
        void apply(List<Change> changes);
    }

    /**
     * Runs {@code work} against the world with the lock held exclusively, then takes back everything it
     * applied, even when it throws: when this returns, the world is exactly as it was, and no reader saw
     * anything in between.
     */
    public <T> T tryOut(Function<Trial, T> work) {
        lock.writeLock().lock();
        List<Runnable> undo = new ArrayList<>();
        long before = world.time().pinNowUnlessPinned();
        try {
            return work.apply(new Trial() {
                @Override
                public World world() {
                    return world;
                }

                @Override
                public void apply(List<Change> changes) {
                    for (Change c : changes) {
                        undo.add(world.applyReversibly(c));
                    }
                }
            });
        } finally {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            world.time().unpin(before);
            lock.writeLock().unlock();
        }
    }

    /** Replaces everything with a state loaded from the store. */
    public void reset(long newRevision, List<Change> changes) {
        World fresh = new World(clock);
        for (Change c : changes) {
            fresh.apply(c);
        }
        lock.writeLock().lock();
        try {
            world = fresh;
            revision = newRevision;
            published = newRevision;
            advanced.signalAll();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The revision of the last write readers can see; it never waits for the lock. */
    @Override
    public long revision() {
        return published;
    }

    /**
     * Waits until the index has reached {@code wanted}, at most {@code timeoutMillis}.
     *
     * @return true when it has
     */
    @Override
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
