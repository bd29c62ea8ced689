package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Grant;
import dev.gatehouse.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the grants whose expiry has passed, through the one write path every write takes: each batch is
 * one revision, with a {@code grant.expired} audit entry per grant (actor: system) and so its webhook event.
 *
 * <p>Answers never wait for it: the engine leaves an expired grant out from its instant on, on every node.
 * The sweep only makes the database say what the answers already say, so that lists of stored grants,
 * the changelog and the audit log catch up with the clock.
 *
 * <p>Several nodes on one database may sweep at once. Each batch is planned against the index and committed
 * only at the revision it was planned at; a node that lost the race to another catches up, finds the grants
 * gone, and writes nothing. A removal also names the expiry it removes, so a grant given again meanwhile
 * (another role, a later expiry) is never taken for the expired one.
 */
public final class ExpirySweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);
    /**
     * At most this many grants per revision. Planning a write and applying it each hold the index exclusively,
     * for a few microseconds per grant, so a mass expiry (100,000 grants at one instant) is applied in slices
     * of a millisecond or so that readers barely notice, not in one stall.
     */
    public static final int BATCH = 200;
    /** How long to wait at most between looks at the next expiry (another node may have given a sooner one). */
    public static final Duration STANDARD_POLL = Duration.ofSeconds(1);

    private final Reads reads;
    private final Writes writes;
    private final Mint mint;
    private final Duration poll;
    private final Background background = new Background("gatehouse-expiry", this::loop);

    ExpirySweeper(Reads reads, Writes writes, Mint mint, Duration poll) {
        this.reads = reads;
        this.writes = writes;
        this.mint = mint;
        this.poll = poll;
    }

    public void start() {
        background.start();
    }

    private void loop() {
        long pause = poll.toMillis();
        while (background.running()) {
            try {
                sweep(true);
                pause = untilNextExpiry();
            } catch (StoreException | ApiException e) {
                // The database is away or busy: the answers are right regardless, the sweep is only late.
                LOG.warn("cannot remove expired grants yet, retrying in {} ms: {}", pause, e.getMessage());
                pause = Math.min(Math.max(pause * 2, 100), 30_000);
            } catch (RuntimeException e) {
                LOG.error("removing expired grants failed unexpectedly", e);
            }
            try {
                Thread.sleep(Math.max(5, pause));
            } catch (InterruptedException e) {
                background.stop();
            }
        }
    }

    /** Milliseconds to the next expiry, at most one poll. */
    private long untilNextExpiry() {
        Instant next = reads.read(w -> w.nextExpiry());
        long max = poll.toMillis();
        if (next == null) {
            return max;
        }
        return Math.max(0, Math.min(max, Duration.between(mint.now(), next).toMillis() + 1));
    }

    /**
     * Removes every grant expired by now, in revisions of at most {@link #BATCH} grants, one after the other;
     * returns how many it removed (none when another node removed them first).
     */
    public int sweepOnce() {
        return sweep(false);
    }

    /**
     * @param paced whether to rest after each full batch as long as it took: the background sweep then takes
     *              at most about half of one core and half of the write path, however many grants expired at
     *              once, leaving the rest to the reads and writes the node serves. It is only catching the
     *              database up with answers that are already right, so being slower costs nothing.
     */
    private int sweep(boolean paced) {
        int removed = 0;
        // A read first: with nothing due, no write is queued, no trial holds the index, no database is asked.
        while ((!paced || background.running()) && reads.read(w -> !w.expiredGrants(1).isEmpty())) {
            long started = System.nanoTime();
            int n = writes.write(Caller.SYSTEM, w -> {
                List<Grant> due = w.expiredGrants(BATCH);
                if (due.isEmpty()) {
                    return Plan.nothing(0);
                }
                List<Change> changes = new ArrayList<>(due.size());
                for (Grant grant : due) {
                    changes.add(new Change.GrantExpired(grant.resource(), grant.subject(), grant.expiresAt()));
                }
                return Plan.of(changes, due.size());
            }).value();
            removed += n;
            if (n < BATCH) {
                break;
            }
            if (paced) {
                rest(System.nanoTime() - started);
            }
        }
        return removed;
    }

    private void rest(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            background.stop();
        }
    }

    @Override
    public void close() {
        background.close();
    }
}
