package dev.gatehouse.service;

import dev.gatehouse.engine.ApartPuts;
import dev.gatehouse.engine.AuditTrail;
import dev.gatehouse.engine.Index;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.AuditEvent;
import dev.gatehouse.model.Change;
import dev.gatehouse.store.ChangelogEntry;
import dev.gatehouse.store.Commit;
import dev.gatehouse.store.CommitOutcomeUnknownException;
import dev.gatehouse.store.StaleRevisionException;
import dev.gatehouse.store.Changelog;
import dev.gatehouse.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one path every write takes: planned against the index, committed to the store, and only then
 * applied to the index.
 *
 * <p>Writes are serial: each one plans its changes against the index as every earlier write left it, so
 * no other write slips in between the checks a write made and its commit. They are made durable in groups
 * (group commit): the writer holding the lock takes every write queued so far and
 * <ol>
 *   <li>tries them out against the index, each planned with the earlier ones applied and answered from the
 *       index as its own changes leave it ({@link Plan#answer}), then takes them all back
 *       ({@link Index#tryOut}): this holds the index for a few microseconds, never while the store is asked
 *       anything, so readers do not wait on the database;</li>
 *   <li>stores them in one transaction of the store, each under its own revision, and commits it (one
 *       sync to disk for all);</li>
 *   <li>applies what committed to the index, all visible at once, and only then answers the writers.</li>
 * </ol>
 * The index therefore only ever holds what the store committed. When the commit fails, the index is
 * untouched and every write of the group is refused, saying nothing was written; when the connection broke
 * during the commit itself, the outcome is unknown, and the writers are told exactly that. Either way the
 * node goes on: the next write is planned at the index's revision and the store refuses it if the database
 * moved on meanwhile, so the node catches up from the changelog and plans it again.
 *
 * <p>A write whose answer depends on an earlier write of its group (it changed nothing, or was refused,
 * with that write applied) is answered with the group's commit, or planned again when that commit fails.
 *
 * <p>A large write of puts apart from one another ({@link ApartPuts}: an import's chunk) with an answer that
 * reads nothing of the world is described in one pass and not applied in the trial: applying thousands of
 * changes only to take them back cost as much as applying them for good. Its group ends with it, since a
 * later write must be planned with its changes applied: those queued behind it go in the next group.
 *
 * <p>Each write has a deadline: one still queued past it is refused without being tried, and while the
 * store is failing, writes are refused at once instead of each waiting for the database in turn.
 */
final class GroupCommit implements Writes {
    /** At most this many writes in one group, so that no group holds the store for long. */
    private static final int MAX_GROUP = 256;
    /** How many times a write is planned again after losing a race with another node before giving up. */
    private static final int MAX_ATTEMPTS = 20;
    private static final int CATCH_UP_BATCH = 500;
    /** From how many changes a write of puts apart is described in one pass rather than tried change by change. */
    static final int APART_FROM = 1_000;

    private final Changelog store;
    private final Index index;
    private final Supplier<Instant> clock;
    private final long timeoutNanos;
    private final Outage outage;
    private final Metrics metrics;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

    GroupCommit(Changelog store, Index index, Supplier<Instant> clock, long timeoutMillis, Outage outage, Metrics metrics) {
        this.store = store;
        this.index = index;
        this.clock = clock;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.outage = outage;
        this.metrics = metrics;
    }

    @Override
    public <T> Written<T> write(Caller caller, Function<World, Plan<T>> planner) {
        Pending<T> mine = new Pending<>(caller, planner, System.nanoTime() + timeoutNanos);
        queue.add(mine);
        boolean interrupted = false;
        try {
            while (!mine.isDone()) {
                long left = mine.deadline - System.nanoTime();
                boolean locked;
                try {
                    locked = lock.tryLock(Math.max(0, left), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    locked = lock.tryLock();
                }
                if (locked) {
                    try {
                        // The writer that stored the previous group may have taken this write with it.
                        while (!mine.isDone()) {
                            drain();
                        }
                    } finally {
                        lock.unlock();
                    }
                } else if (queue.remove(mine)) {
                    // No group took it in time: nothing of it was tried.
                    mine.fail(ApiException.unavailable(timedOut()));
                } else {
                    // A group holds it: its writer answers it soon, and within the store's own time bounds.
                    interrupted |= mine.awaitDone();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return mine.outcome();
    }

    /** Writes queued and not yet taken into a group (tests use it to line writes up into one group). */
    int queuedWrites() {
        return queue.size();
    }

    /** Whether the last write to the store failed for want of the database (and none succeeded since). */
    boolean storeFailing() {
        return outage.failing();
    }

    /** Applies what other nodes committed since the index's revision; returns the revisions applied. */
    int catchUp() {
        int applied = catchUpOnce();
        // The store answered: whatever outage refused writes is over.
        outage.recovered();
        return applied;
    }

    private int catchUpOnce() {
        int applied = 0;
        while (true) {
            // Read without the lock, so that writes never queue behind the database on the follower's account.
            List<ChangelogEntry> entries = store.changesAfter(index.revision(), CATCH_UP_BATCH);
            lock.lock();
            try {
                applied += applyInOrder(entries);
            } finally {
                lock.unlock();
            }
            if (entries.size() < CATCH_UP_BATCH) {
                return applied;
            }
        }
    }

    private int catchUpHoldingLock() {
        int applied = 0;
        while (true) {
            List<ChangelogEntry> entries = store.changesAfter(index.revision(), CATCH_UP_BATCH);
            applied += applyInOrder(entries);
            if (entries.size() < CATCH_UP_BATCH) {
                return applied;
            }
        }
    }

    /**
     * Applies the entries that follow the index's revision without a gap. Entries already applied (a write of
     * this node committed since they were read) are skipped; a gap means a reader raced a commit not yet
     * visible, and the next round reads it in order.
     */
    private int applyInOrder(List<ChangelogEntry> entries) {
        List<Index.Revision> next = new ArrayList<>();
        long at = index.revision();
        for (ChangelogEntry e : entries) {
            if (e.revision() <= at) {
                continue;
            }
            if (e.revision() != at + 1) {
                break;
            }
            next.add(new Index.Revision(e.revision(), e.changes()));
            at = e.revision();
        }
        index.applyAll(next);
        return next.size();
    }

    private String timedOut() {
        return "the database did not answer within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                + " ms; nothing was written, try again";
    }

    private void drain() {
        List<Pending<?>> batch = new ArrayList<>();
        for (Pending<?> p; batch.size() < MAX_GROUP && (p = queue.poll()) != null; ) {
            batch.add(p);
        }
        List<Pending<?>> taken = batch;
        try {
            while (!batch.isEmpty()) {
                batch = round(batch);
            }
            for (Pending<?> p : taken) {
                if (!p.isDone()) {
                    // Every path above answers each write; one that did not would leave its writer waiting forever.
                    p.fail(new IllegalStateException("a write was left unanswered"));
                }
            }
        } catch (RuntimeException | Error e) {
            // A bug, not the database: no writer may be left waiting for an answer that never comes.
            for (Pending<?> p : batch) {
                if (!p.isDone()) {
                    p.fail(e instanceof RuntimeException r ? r : new IllegalStateException(e));
                }
            }
            throw e;
        }
    }

    /** Tries, stores and applies one group; returns the writes that must be planned again. */
    private List<Pending<?>> round(List<Pending<?>> batch) {
        List<Pending<?>> live = new ArrayList<>();
        long now = System.nanoTime();
        for (Pending<?> p : batch) {
            if (now - p.deadline > 0) {
                p.fail(ApiException.unavailable(timedOut()));
            } else if (outage.refusing()) {
                p.fail(ApiException.unavailable("the database cannot be reached; nothing was written, try again"));
            } else {
                live.add(p);
            }
        }
        // Writes left for the next group: those behind a write not applied in its trial, never planned here.
        List<Pending<?>> later = new ArrayList<>();
        for (int attempt = 1; !live.isEmpty(); attempt++) {
            long base = index.revision();
            int planned = index.tryOut(trial -> {
                int n = 0;
                while (n < live.size()) {
                    Pending<?> p = live.get(n++);
                    p.plan(trial);
                    if (p.untried && p.hasChanges()) {
                        break;
                    }
                }
                return n;
            });
            later.addAll(0, live.subList(planned, live.size()));
            live.subList(planned, live.size()).clear();
            int first = 0;
            while (first < live.size() && !live.get(first).hasChanges()) {
                live.get(first).answerUnchanged(base);
                first++;
            }
            if (first == live.size()) {
                return later;
            }
            try {
                List<Pending<?>> again = store(live.subList(first, live.size()), base);
                again.addAll(later);
                return again;
            } catch (StaleRevisionException stale) {
                if (attempt == MAX_ATTEMPTS) {
                    failAll(live, ApiException.unavailable("the write kept meeting newer writes from other nodes; "
                            + "nothing was written, try again"));
                    return later;
                }
                try {
                    catchUpHoldingLock();
                } catch (StoreException e) {
                    outage.failed();
                    failAll(live, ApiException.unavailable("the database cannot be read to catch up; "
                            + "nothing was written, try again"));
                    return later;
                }
                live.subList(0, first).clear();
            }
        }
        return later;
    }

    /**
     * Stores the writes from the first one that changes something. Those after a write the store refuses
     * were planned with it applied: they are handed back to be planned again.
     */
    private List<Pending<?>> store(List<Pending<?>> writes, long base) {
        List<Pending<?>> held = new ArrayList<>();
        List<Pending<?>> again = new ArrayList<>();
        long revision = base;
        Changelog.Group opened;
        try {
            opened = store.group();
        } catch (StoreException e) {
            return settleFailed(writes, List.of(), refusal(e));
        }
        try (Changelog.Group group = opened) {
            for (int i = 0; i < writes.size(); i++) {
                Pending<?> p = writes.get(i);
                if (p.hasChanges()) {
                    try {
                        p.revision = group.add(new Commit(revision, p.caller.actor(), clock.get(), p.changes, p.audit, p.requestKey()));
                    } catch (StaleRevisionException stale) {
                        if (i == 0) {
                            throw stale;
                        }
                        again.addAll(writes.subList(i, writes.size()));
                        break;
                    } catch (StoreException e) {
                        p.fail(refusal(e));
                        again.addAll(writes.subList(i + 1, writes.size()));
                        break;
                    }
                    revision = p.revision;
                } else {
                    p.revision = revision;
                }
                held.add(p);
            }
            if (held.isEmpty()) {
                return again;
            }
            long started = System.nanoTime();
            group.commit();
            metrics.groupCommitted(held.size(), System.nanoTime() - started);
        } catch (StaleRevisionException stale) {
            throw stale;
        } catch (CommitOutcomeUnknownException unknown) {
            outage.failed();
            return settleFailed(held, again, ApiException.unavailable("the outcome of the write is unknown: the "
                    + "connection to the database broke while it was being committed, so it may or may not have been "
                    + "written. Retry it with the same Idempotency-Key, or read the current state first"));
        } catch (StoreException e) {
            return settleFailed(held, again, refusal(e));
        }
        List<Index.Revision> committed = new ArrayList<>();
        for (Pending<?> p : held) {
            if (p.hasChanges()) {
                committed.add(new Index.Revision(p.revision, p.changes));
            }
        }
        index.applyAll(committed);
        outage.recovered();
        for (Pending<?> p : held) {
            p.answerCommitted();
        }
        return again;
    }

    /**
     * The group's commit failed: the writes it held fail with it, and those whose answer only depended on it
     * (they changed nothing, or were refused, with its writes applied) are planned again.
     */
    private static List<Pending<?>> settleFailed(List<Pending<?>> held, List<Pending<?>> again, RuntimeException why) {
        List<Pending<?>> next = new ArrayList<>();
        for (Pending<?> p : held) {
            if (p.hasChanges()) {
                p.fail(why);
            } else {
                next.add(p);
            }
        }
        next.addAll(again);
        return next;
    }

    /** What a writer is told when the store refused its write: a conflict as such, anything else as a 503. */
    private RuntimeException refusal(StoreException e) {
        if (e.isConflict()) {
            return e;
        }
        outage.failed();
        return ApiException.unavailable("the store is unavailable; nothing was written, try again");
    }

    private static void failAll(List<Pending<?>> writes, RuntimeException why) {
        for (Pending<?> p : writes) {
            if (!p.isDone()) {
                p.fail(why);
            }
        }
    }

    /** One queued write, and what became of it. Planned and settled under the lock; awaited by its writer. */
    private static final class Pending<T> {
        final Caller caller;
        final Function<World, Plan<T>> planner;
        final long deadline;
        private final CountDownLatch finished = new CountDownLatch(1);
        private volatile boolean done;
        private T answer;
        private List<Change> changes = List.of();
        private List<AuditEvent> audit = List.of();
        private RuntimeException refused;
        long revision;
        /** Planned as puts apart: described against the trial's world, not applied to it. */
        boolean untried;
        private Written<T> written;
        private RuntimeException failure;

        Pending(Caller caller, Function<World, Plan<T>> planner, long deadline) {
            this.caller = caller;
            this.planner = planner;
            this.deadline = deadline;
        }

        /**
         * Plans against the trial's world, applies its changes for the rest of the trial, and reads the answer
         * from the world they leave, before any later write of the group is planned. A large write of puts
         * apart whose answer is known is described in one pass and not applied ({@link #untried}): no later
         * write of the group is planned, and its changes are applied once committed.
         */
        void plan(Index.Trial trial) {
            refused = null;
            answer = null;
            untried = false;
            changes = List.of();
            audit = List.of();
            Plan<T> plan;
            try {
                plan = planner.apply(trial.world());
            } catch (RuntimeException e) {
                refused = e;
                return;
            }
            List<AuditEvent> apart = plan.answerKnown() && plan.changes().size() >= APART_FROM
                    ? ApartPuts.describe(trial.world(), plan.changes()) : null;
            if (apart != null) {
                changes = plan.changes();
                audit = apart;
                untried = true;
            } else if (!plan.changes().isEmpty()) {
                // Each change is described against the world just before it, then applied for the next one.
                List<AuditEvent> events = new ArrayList<>();
                for (Change c : plan.changes()) {
                    events.addAll(AuditTrail.describe(trial.world(), c));
                    trial.apply(List.of(c));
                }
                changes = new ArrayList<>(plan.changes());
                audit = events;
            }
            answer = plan.answer().apply(trial.world());
        }

        Commit.RequestKey requestKey() {
            return caller.idempotencyKey() == null ? null
                    : new Commit.RequestKey(caller.idempotencyScope(), caller.idempotencyKey());
        }

        boolean hasChanges() {
            return refused == null && !changes.isEmpty();
        }

        /** Answers a write that changed nothing, or was refused, against the state at {@code at}. */
        void answerUnchanged(long at) {
            if (refused != null) {
                fail(refused);
            } else {
                finish(new Written<>(answer, at, false), null);
            }
        }

        void answerCommitted() {
            if (hasChanges()) {
                finish(new Written<>(answer, revision, true), null);
            } else {
                answerUnchanged(revision);
            }
        }

        void fail(RuntimeException why) {
            finish(null, why);
        }

        private void finish(Written<T> outcome, RuntimeException why) {
            written = outcome;
            failure = why;
            done = true;
            finished.countDown();
        }

        boolean isDone() {
            return done;
        }

        /** Waits for the group holding this write; returns whether the wait was interrupted. */
        boolean awaitDone() {
            try {
                finished.await();
                return false;
            } catch (InterruptedException e) {
                return true;
            }
        }

        Written<T> outcome() {
            if (failure != null) {
                throw failure;
            }
            return written;
        }
    }
}
