package dev.gatehouse.service;

import dev.gatehouse.engine.Index;
import dev.gatehouse.engine.World;
import dev.gatehouse.store.Snapshot;
import dev.gatehouse.store.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * The running core: the store (truth), the index (every read) and the one path every write takes
 * ({@link GroupCommit}: planned against the index, committed, and only then applied to it).
 */
public final class Gatehouse implements AutoCloseable {
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    /** How long a write may take, queueing included, before it is refused, by default. */
    public static final long DEFAULT_WRITE_TIMEOUT_MS = 2_000;

    private final Store store;
    private final Index index;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Outage outage = new Outage();
    private final GroupCommit writes;
    private final Metrics metrics;

    private Gatehouse(Store store, Clock clock, long writeTimeoutMillis) {
        this.store = store;
        this.clock = clock;
        // Grants expire by this clock: reads and writes answer for its time.
        this.index = new Index(clock);
        this.metrics = new Metrics(index);
        this.writes = new GroupCommit(store, index, this::now, writeTimeoutMillis, outage, metrics);
    }

    /** Opens Gatehouse on a store, loading the index from what the store holds. */
    public static Gatehouse open(Store store, Clock clock) {
        return open(store, clock, DEFAULT_WRITE_TIMEOUT_MS);
    }

    /** The same, with writes refused when they cannot be committed within {@code writeTimeoutMillis}. */
    public static Gatehouse open(Store store, Clock clock, long writeTimeoutMillis) {
        Gatehouse g = new Gatehouse(store, clock, writeTimeoutMillis);
        Snapshot snapshot = store.load();
        if (snapshot.revision() > 0) {
            g.index.apply(snapshot.revision(), snapshot.changes());
        }
        return g;
    }

    public Index index() {
        return index;
    }

    public Store store() {
        return store;
    }

    /** The meters every service records into. */
    public Metrics metrics() {
        return metrics;
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
     * Plans, commits and applies one write. The planner runs against the current index; it throws
     * {@link ApiException} to refuse, in which case nothing is written. Returns once the write is durable and
     * visible to reads.
     */
    public <T> Written<T> write(Caller caller, Function<World, Plan<T>> planner) {
        return writes.write(caller, planner);
    }

    /** Writes queued and not yet taken into a group (tests use it to line writes up into one group). */
    int queuedWrites() {
        return writes.queuedWrites();
    }

    /**
     * Applies what other nodes have committed since the index's revision. Returns the number of revisions
     * applied.
     */
    public int catchUp() {
        int applied = writes.catchUp();
        outage.recovered();
        return applied;
    }

    /** Whether the last write to the store failed for want of the database (and none succeeded since). */
    public boolean storeFailing() {
        return outage.failing();
    }

    @Override
    public void close() {
        metrics.close();
        store.close();
    }
}
