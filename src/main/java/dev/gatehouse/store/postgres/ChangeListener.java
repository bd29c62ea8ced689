package dev.gatehouse.store.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest revision this node knows of, kept current by a connection that LISTENs to the changelog
 * channel, and the waiters that block until it moves.
 *
 * <p>Every commit, on any node, sends its revision on the channel when it commits. The listening
 * connection is its own (not the pool's): it stays in LISTEN for the life of the store. When it breaks,
 * waiters poll the database every {@link #POLL_MILLIS} ms until a new connection listens again; that one
 * first reads the head, so nothing committed in between is missed.
 */
final class ChangeListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
    static final long POLL_MILLIS = 250;
    /** How long the listening connection may stay silent before it checks the head (and so itself). */
    private static final long CHECK_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int RECEIVE_MILLIS = 1_000;
    private static final long MAX_PAUSE_MILLIS = 5_000;

    private final PostgresTarget target;
    private final String channel;
    private final AtomicLong latest = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private final Thread thread;
    private volatile boolean listening;
    private volatile boolean closed;
    private volatile Connection connection;

    private ChangeListener(PostgresTarget target, String channel) {
        this.target = target;
        this.channel = channel;
        this.thread = new Thread(this::run, "gatehouse-changelog-listener");
        thread.setDaemon(true);
    }

    static ChangeListener start(PostgresTarget target, String channel) {
        ChangeListener l = new ChangeListener(target, channel);
        l.thread.start();
        return l;
    }

    /** True while notifications arrive; false while waiters fall back to polling. */
    boolean listening() {
        return listening;
    }

    /** Records a revision known to be committed, waking the waiters it satisfies. */
    void observe(long revision) {
        if (latest.getAndAccumulate(revision, Math::max) < revision) {
            wakeAll();
        }
    }

    /**
     * Waits until a revision above {@code after} is known or the timeout passes, and returns the latest
     * known. {@code poll} reads the head from the database, for the times nobody is listening.
     */
    long await(long after, long timeoutMillis, LongSupplier poll) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMillis));
        while (true) {
            long known = latest.get();
            long remaining = deadline - System.nanoTime();
            if (known > after || remaining <= 0 || closed) {
                return known;
            }
            boolean notified = listening;
            lock.lock();
            try {
                if (latest.get() <= after && !closed) {
                    moved.awaitNanos(notified ? remaining : Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)));
                }
            } finally {
                lock.unlock();
            }
            if (!notified) {
                observe(poll.getAsLong());
            }
        }
    }

    private void wakeAll() {
        lock.lock();
        try {
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        long pause = POLL_MILLIS;
        boolean warned = false;
        while (!closed) {
            try (Connection c = target.connect("gatehouse-listener", 10)) {
                connection = c;
                listen(c);
                listening = true;
                pause = POLL_MILLIS;
                if (warned) {
                    LOG.info("changelog notifications from {} resumed", target.safeUrl());
                    warned = false;
                }
                receive(c);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    break;
                }
                if (!warned) {
                    LOG.warn("changelog notifications from {} stopped ({}); polling every {} ms until they resume",
                            target.safeUrl(), e.getMessage(), POLL_MILLIS);
                    warned = true;
                }
            } finally {
                connection = null;
                listening = false;
                wakeAll();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                break;
            }
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
    }

    /** LISTEN, then read the head: a commit before the LISTEN is in the head, one after it is notified. */
    private void listen(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + channel);
        }
        observe(head(c));
    }

    private void receive(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long checked = System.nanoTime();
        while (!closed) {
            PGNotification[] notifications = pg.getNotifications(RECEIVE_MILLIS);
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    observe(revisionIn(n));
                }
            }
            if (System.nanoTime() - checked > CHECK_NANOS) {
                observe(head(c));
                checked = System.nanoTime();
            }
        }
    }

    private static long revisionIn(PGNotification n) {
        try {
            return Long.parseLong(n.getParameter().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long head(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT revision FROM head")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = connection;
        if (c != null) {
            try {
                // Unblocks the receiving thread now instead of at its next timeout.
                c.abort(Runnable::run);
            } catch (SQLException e) {
                LOG.debug("aborting the listening connection failed", e);
            }
        }
        thread.interrupt();
        wakeAll();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
