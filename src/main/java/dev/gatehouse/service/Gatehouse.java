package dev.gatehouse.service;

import dev.gatehouse.engine.Index;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
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
     */
    public <T> Written<T> write(Caller caller, Function<World, Plan<T>> planner) {
        synchronized (writeLock) {
            Plan<T> plan = index.read(planner);
            if (plan.changes().isEmpty()) {
                return new Written<>(plan.result(), index.revision(), false);
            }
            List<Change> changes = new ArrayList<>(plan.changes());
            long revision = store.commit(caller.actor(), changes);
            index.apply(revision, changes);
            return new Written<>(plan.result(), revision, true);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
