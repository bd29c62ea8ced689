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
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The running core: the store (truth), the index (every read) and the one path every write takes.
 *
 * <p>A write plans its changes against the index while holding the write lock, commits them to the store
 * in one transaction, then applies them to the index. Holding the lock from planning to applying means
 * no other write can slip in between the checks a write made and its commit, so the checks stay true.
 */
public final class Gatehouse implements AutoCloseable {
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final Store store;
    private final Index index = new Index();
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Object writeLock = new Object();
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
     * index; it throws {@link ApiException} to refuse, in which case nothing is written.
     *
     * <p>The commit carries the revision it was planned against. When another node has committed since,
     * the store refuses it; this node then catches up with the changelog and plans again, so every write's
     * checks hold against the state it is committed on, whichever node it arrives at.
     */
    public <T> Written<T> write(Caller caller, Function<World, Plan<T>> planner) {
        synchronized (writeLock) {
            for (int attempt = 1; ; attempt++) {
                long planned = index.revision();
                Planned<T> p = index.read(world -> {
                    Plan<T> plan = planner.apply(world);
                    return new Planned<>(plan, AuditTrail.describe(world, plan.changes()));
                });
                if (p.plan.changes().isEmpty()) {
                    return new Written<>(p.plan.result(), planned, false);
                }
                List<Change> changes = new ArrayList<>(p.plan.changes());
                try {
                    long revision = store.commit(new Commit(planned, caller.actor(), now(), changes, p.audit));
                    index.apply(revision, changes);
                    return new Written<>(p.plan.result(), revision, true);
                } catch (StaleRevisionException stale) {
                    if (attempt == MAX_ATTEMPTS) {
                        throw ApiException.unavailable("the write kept meeting newer writes from other nodes; nothing was written, try again");
                    }
                    catchUpLocked();
                }
            }
        }
    }

    private record Planned<T>(Plan<T> plan, List<AuditEvent> audit) { }

    /**
     * Applies what other nodes have committed since the index's revision. Returns the number of revisions
     * applied.
     */
    public int catchUp() {
        synchronized (writeLock) {
            return catchUpLocked();
        }
    }

    private int catchUpLocked() {
        int applied = 0;
        while (true) {
            List<ChangelogEntry> entries = store.changesAfter(index.revision(), CATCH_UP_BATCH);
            for (ChangelogEntry e : entries) {
                if (e.revision() != index.revision() + 1) {
                    // Revisions are gapless by the store's contract; a gap means a reader raced a commit that
                    // is not yet visible. Stop here and let the next round read it in order.
                    return applied;
                }
                index.apply(e.revision(), e.changes());
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
