package dev.gatehouse.store;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A group of writes in one transaction of a {@link JdbcStore}, with a savepoint per write so that a refused
 * write is undone alone: the group shares one commit, and so one sync to disk, instead of one per write.
 * The database says how the transaction begins and locks the head, how the head moves, how a commit is
 * announced and how its failures read ({@link JdbcStore.Dialect}); everything else is here, once.
 */
final class JdbcWriteGroup implements Changelog.Group {
    private final JdbcStore.Dialect db;
    private Connection c;
    private long revision;
    private long committedRevision = -1;
    /** The transaction was lost with writes in it: the group can neither go on nor commit. */
    private StoreException broken;
    private boolean closed;

    JdbcWriteGroup(JdbcStore.Dialect db) {
        this.db = db;
    }

    @Override
    public long add(Commit commit) {
        if (closed) {
            throw new IllegalStateException("the group is closed");
        }
        if (broken != null) {
            throw broken;
        }
        boolean savepoint = false;
        try {
            if (c == null) {
                c = db.beginWrite();
                revision = db.lockHead(c);
                committedRevision = revision;
            }
            if (commit.expectedRevision() != Commit.ANY && commit.expectedRevision() != revision) {
                throw new StaleRevisionException(commit.expectedRevision(), revision);
            }
            sql("SAVEPOINT write");
            savepoint = true;
            long next = revision + 1;
            SqlChangelog.write(c, next, commit);
            db.advanceHead(c, next);
            sql("RELEASE SAVEPOINT write");
            revision = next;
            return next;
        } catch (SQLException | RuntimeException e) {
            if (e instanceof StaleRevisionException stale) {
                throw stale;
            }
            boolean undone = false;
            if (savepoint) {
                try {
                    sql("ROLLBACK TO SAVEPOINT write");
                    sql("RELEASE SAVEPOINT write");
                    undone = true;
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
            }
            if (!undone && c != null) {
                // The connection or the transaction is gone: nothing of the group can be committed.
                lose(e);
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("the write was not stored: " + reason(e), e, db.conflict(e));
        }
    }

    /**
     * The database's own words for a failure. A failed batch's message (PostgreSQL's driver) repeats the
     * statement with its values, which may be a token's hash; the server's error, the next exception, says what
     * broke without them.
     */
    private static String reason(Exception e) {
        if (e instanceof BatchUpdateException b && b.getNextException() != null) {
            return b.getNextException().getMessage();
        }
        return e.getMessage();
    }

    @Override
    public void commit() {
        if (broken != null) {
            throw broken;
        }
        if (c == null) {
            return;
        }
        try {
            if (revision > committedRevision) {
                db.announce(c, revision);
            }
            db.commitWrite(c);
        } catch (SQLException e) {
            end();
            if (db.outcomeUnknown(e)) {
                throw new CommitOutcomeUnknownException("the connection broke while committing: " + e.getMessage(), e);
            }
            throw new StoreException("the writes were not stored: " + e.getMessage(), e, db.conflict(e));
        } catch (RuntimeException e) {
            end();
            throw new StoreException("the writes were not stored: " + e.getMessage(), e, db.conflict(e));
        }
        long done = revision;
        end();
        db.committed(done);
    }

    /** The transaction was lost: writes added and not committed can never be, and the group says so. */
    private void lose(Exception cause) {
        if (revision > committedRevision) {
            broken = new StoreException("the writes were not stored: the transaction was lost", cause);
        }
        end();
    }

    /** Ends the transaction on the connection (rolling back what did not commit) and lets the connection go. */
    private void end() {
        if (c != null) {
            db.endWrite(c);
            c = null;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                end();
            } finally {
                db.releaseGroup();
            }
        }
    }

    private void sql(String statement) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
