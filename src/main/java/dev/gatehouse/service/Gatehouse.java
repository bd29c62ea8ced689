package dev.gatehouse.service;

import dev.gatehouse.engine.Index;
import dev.gatehouse.engine.World;
import dev.gatehouse.engine.AuditTrail;
import dev.gatehouse.model.AuditEvent;
import dev.gatehouse.model.Change;
import dev.gatehouse.store.ChangelogEntry;
import dev.gatehouse.store.Commit;
import dev.gatehouse.store.StaleRevisionException;
import dev.gatehouse.store.Snapshot;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * The running core: the store (truth), the index (every read) and the one path every write takes.
 *
 * <p>Writes are serial: each one plans its changes against the index as every earlier write left it,
 * so no other write can slip in between the checks a write made and its commit, and the checks stay true.
 *
 * <p>They are made durable in groups (group commit). Writers queue their planners; one of them, holding
 * the write lock, takes every write queued so far and, with the index held exclusively, plans each one,
 * stores it under its own revision and applies it to the index (the next write of the group plans against
 * it), then makes the whole group durable with one sync. Only then does it release the index, so readers
 * never see a write before it is durable, and only then is any writer of the group answered. A write that
 * is refused (by its planner or by the store) is answered with its error and leaves the others alone; if
 * the group cannot be made durable, every write of it fails and the index is reloaded from the store.
 * Under one writer this is the plain write path; under many, they share one sync to disk instead of
 * queueing for one each. Readers wait for at most one group.
 *
 * <p>Each write is committed with the revision it was planned at. When another node sharing the database
 * has committed since, the store refuses it; this node then applies the newer changelog entries and plans
 * the write again, so its checks hold against the state it is committed on, whichever node it reached.
 */
public final class Gatehouse implements AutoCloseable {
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final Store store;
    private final Index index = new Index();
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Held by the writer that is storing a group; a write queued meanwhile goes into the next group. */
    private final Object writeLock = new Object();
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
    /** At most this many writes in one group, so readers never wait for an unbounded one. */
    private static final int MAX_GROUP = 256;
    /** How many times a write is planned again after losing a race with another node before giving up. */
    private static final int MAX_ATTEMPTS = 20;
    private static final int CATCH_UP_BATCH = 500;

    private Gatehouse(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Opens Gatehouse on a store, loading the index from what the store holds. */
    public static Gatehouse open(Store store, Clock clock) {
        Gatehouse g = new Gatehouse(store, clock);
        Snapshot snapshot = store.load();
        if (snapshot.revision() > 0) {
            g.index.apply(snapshot.revision(), SnapshotChanges.of(snapshot));
        }
        return g;
    }

    public Index index() {
        return index;
    }

    public Store store() {
        return store;
    }

    /** Runs a read against a consistent state of the index. */
    public <T> T read(Function<World, T> query) {
        return index.read(query);
    }

    /** The current time, to the microsecond (the precision every store keeps). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A new random id: 20 characters of [0-9A-Za-z], unguessable so that ids leak nothing. */
    public String newId() {
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /** Random bytes for secrets (tokens). */
    public byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /**
     * Plans, commits and applies one write. The planner runs under the write lock against the current
     * index; it throws {@link ApiException} to refuse, in which case nothing is written. Returns once the
     * write is durable and visible to reads.
     */
    public <T> Written<T> write(Caller caller, Function<World, Plan<T>> planner) {
        Pending<T> mine = new Pending<>(caller, planner);
        queue.add(mine);
        synchronized (writeLock) {
            // The writer that stored the previous group may have taken this write with it.
            while (!mine.done) {
                writeGroup();
            }
        }
        return mine.outcome();
    }

    /** Writes queued and not yet taken into a group (tests use it to line writes up into one group). */
    int queuedWrites() {
        return queue.size();
    }

    private void writeGroup() {
        List<Pending<?>> group = new ArrayList<>();
        for (Pending<?> p; group.size() < MAX_GROUP && (p = queue.poll()) != null; ) {
            group.add(p);
        }
        if (group.isEmpty()) {
            return;
        }
        index.exclusively(staged -> {
            try {
                store(staged, group);
            } catch (RuntimeException e) {
                // What was applied to the index is not in the store: start again from what the store holds.
                try {
                    Snapshot snapshot = store.load();
                    staged.reset(snapshot.revision(), SnapshotChanges.of(snapshot));
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
                for (Pending<?> p : group) {
                    if (p.failure == null) {
                        p.failure = e;
                    }
                }
            } finally {
                for (Pending<?> p : group) {
                    p.done = true;
                }
            }
            return null;
        });
    }

    private void store(Index.Exclusive staged, List<Pending<?>> group) {
        try (Store.Group g = store.group()) {
            long revision = index.revision();
            for (Pending<?> p : group) {
                if (p.stage(staged, g, this)) {
                    revision = p.revision;
                } else if (p.failure == null) {
                    // Nothing to change: it reflects the revisions of the group so far.
                    p.revision = revision;
                }
            }
            g.commit();
        }
    }

    /** One queued write, and what became of it. Its fields are written and read under the write lock. */
    private static final class Pending<T> {
        final Caller caller;
        final Function<World, Plan<T>> planner;
        Plan<T> plan;
        long revision;
        boolean changed;
        RuntimeException failure;
        boolean done;

        Pending(Caller caller, Function<World, Plan<T>> planner) {
            this.caller = caller;
            this.planner = planner;
        }

        /**
         * Plans this write and, when it changes something, stores and applies it. Returns whether it was
         * stored; a refusal (by the planner or the store) is kept as its failure and changes nothing.
         */
        boolean stage(Index.Exclusive staged, Store.Group g, Gatehouse core) {
            for (int attempt = 1; ; attempt++) {
                List<AuditEvent> audit;
                try {
                    plan = planner.apply(staged.world());
                    audit = AuditTrail.describe(staged.world(), plan.changes());
                } catch (RuntimeException e) {
                    failure = e;
                    return false;
                }
                if (plan.changes().isEmpty()) {
                    return false;
                }
                List<Change> changes = new ArrayList<>(plan.changes());
                try {
                    revision = g.add(new Commit(staged.revision(), caller.actor(), core.now(), changes, audit));
                } catch (StaleRevisionException stale) {
                    if (attempt == MAX_ATTEMPTS) {
                        failure = ApiException.unavailable("the write kept meeting newer writes from other nodes; "
                                + "nothing was written, try again");
                        return false;
                    }
                    core.catchUp(staged);
                    continue;
                } catch (StoreException e) {
                    failure = e;
                    return false;
                }
                staged.apply(revision, changes);
                changed = true;
                return true;
            }
        }

        Written<T> outcome() {
            if (failure != null) {
                throw failure;
            }
            return new Written<>(plan.result(), revision, changed);
        }
    }

    /**
     * Applies what other nodes have committed since the index's revision. Returns the number of revisions
     * applied.
     */
    public int catchUp() {
        synchronized (writeLock) {
            // Read from the store first, then apply entry by entry: readers are never held up by the database.
            return catchUp(index::revision, index::apply);
        }
    }

    /** The same, for a group of writes holding the index: what they plan next must see these entries. */
    private int catchUp(Index.Exclusive staged) {
        return catchUp(staged::revision, staged::apply);
    }

    private interface Applier {
        void apply(long revision, List<Change> changes);
    }

    private int catchUp(java.util.function.LongSupplier revision, Applier apply) {
        int applied = 0;
        while (true) {
            List<ChangelogEntry> entries = store.changesAfter(revision.getAsLong(), CATCH_UP_BATCH);
            for (ChangelogEntry e : entries) {
                if (e.revision() != revision.getAsLong() + 1) {
                    // Revisions are gapless by the store's contract; a gap means a reader raced a commit that
                    // is not yet visible. Stop here and let the next round read it in order.
                    return applied;
                }
                apply.apply(e.revision(), e.changes());
                applied++;
            }
            if (entries.size() < CATCH_UP_BATCH) {
                return applied;
            }
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
