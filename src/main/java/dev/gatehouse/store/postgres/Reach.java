package dev.gatehouse.store.postgres;

import dev.gatehouse.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first connection at start-up, retried with backoff while the database cannot be reached yet (it is
 * often still starting when Gatehouse starts beside it). A refusal that waiting cannot cure, a wrong
 * password or a missing database, fails at once.
 */
final class Reach {
    private static final Logger LOG = LoggerFactory.getLogger(Reach.class);
    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long MAX_PAUSE_MILLIS = 2_000;

    private Reach() {
    }

    static Connection connect(PostgresTarget target, Duration wait, String application) {
        long start = System.nanoTime();
        long deadline = start + wait.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        int attempts = 0;
        while (true) {
            attempts++;
            long left = deadline - System.nanoTime();
            try {
                return target.connect(application, (int) Math.min(10, TimeUnit.NANOSECONDS.toSeconds(left) + 1));
            } catch (SQLException e) {
                if (!unreachable(e)) {
                    throw new StoreException("PostgreSQL at " + target.safeUrl() + " refused the connection: "
                            + e.getMessage(), e);
                }
                left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new StoreException(String.format("cannot reach PostgreSQL at %s (%d attempts in %.1f s): %s",
                            target.safeUrl(), attempts, (System.nanoTime() - start) / 1e9, e.getMessage()), e);
                }
                if (attempts == 1) {
                    LOG.warn("PostgreSQL at {} cannot be reached ({}); retrying for up to {} s", target.safeUrl(),
                            e.getMessage(), wait.toSeconds());
                }
                sleep(Math.min(pause, TimeUnit.NANOSECONDS.toMillis(left) + 1));
                pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
            }
        }
    }

    /** Connection failures (SQLSTATE class 08) and a server still starting up (57P03) may pass. */
    static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.equals("57P03");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for PostgreSQL", e);
        }
    }
}
