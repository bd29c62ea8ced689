package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.Migrations;
import dev.gatehouse.store.PrivateFiles;
import dev.gatehouse.store.SecretBox;
import dev.gatehouse.store.SqlSecrets;
import dev.gatehouse.store.JdbcStore;
import dev.gatehouse.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The store in one SQLite file.
 *
 * <p>One connection, used under a lock. SQLite takes one writer at a time anyway, and Gatehouse reads
 * from its index, not from here: the store is read at start-up and when a changelog is replayed, so a
 * pool (HikariCP) would add threads contending for the same file lock and nothing else.
 *
 * <p>Durability: WAL journal with {@code synchronous=FULL}, so a commit has reached the disk when
 * {@link #commit} returns.
 */
public final class SqliteStore extends JdbcStore {
    static final List<String> MIGRATIONS = List.of("V1__schema.sql", "V2__audit_idempotency_webhooks.sql",
            "V3__sealed_secrets.sql", "V4__grant_expiry.sql", "V5__link_invites_sso_email_domains.sql",
            "V6__share_links_access_requests.sql", "V7__scim.sql", "V8__expiry_in_audit_and_approvals.sql",
            "V9__no_unread_indexes.sql");
    /**
     * How often a waiter rereads the revision: commits through this store wake it at once, the rereading
     * catches a commit by another process (another node) on the same file.
     */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Path file;
    private final Connection conn;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private boolean closed;
    /** Whether a transaction is open on the connection, so that a failure knows to roll it back. */
    private boolean open;

    private SqliteStore(Path file, Connection conn, SecretBox box) {
        super(box);
        this.file = file;
        this.conn = conn;
    }

    /**
     * Opens (creating if needed) the database file, with its secrets sealed under the key in the key file
     * beside it ({@link SecretBox#KEY_FILE}, created on first use), and brings its schema up to date.
     */
    public static SqliteStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                PrivateFiles.directory(parent);
            }
            return open(file, SecretBox.keyFile(file.toAbsolutePath().resolveSibling(SecretBox.KEY_FILE)));
        } catch (IOException e) {
            throw new StoreException("cannot open the SQLite database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens (creating if needed) the database file, with its secrets sealed by {@code box}, and brings its
     * schema up to date. The file and its WAL are made readable by their owner only.
     */
    public static SqliteStore open(Path file, SecretBox box) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                PrivateFiles.directory(parent);
            }
            // SQLite creates the -wal and -shm files with the mode of the database file: create that 0600
            // before SQLite does, and tighten the three when an earlier version left them readable.
            PrivateFiles.file(file);
            PrivateFiles.tighten(Path.of(file + "-wal"));
            PrivateFiles.tighten(Path.of(file + "-shm"));
            // Transactions begin IMMEDIATE: a commit reads the latest revision and writes the next one, and two
            // processes on one file must not both read the same latest revision before either writes.
            SQLiteConfig config = new SQLiteConfig();
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setBusyTimeout(10_000);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try (Statement s = c.createStatement()) {
                walMode(s);
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
                // 64 MiB of pages rather than SQLite's 2 MiB: a large write (an import's chunk of thousands
                // of rows in keyed tables) otherwise rereads index pages from the OS at every row.
                s.execute("PRAGMA cache_size=-65536");
                // Deleted and overwritten rows are zeroed, not left in free pages: an expired idempotency
                // key, or a secret sealed in place, leaves no readable copy in the file.
                s.execute("PRAGMA secure_delete=ON");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            try {
                Migrations.apply(c, "db/sqlite", MIGRATIONS);
                sealClearRows(c, box);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            return new SqliteStore(file, c, box);
        } catch (SQLException | IOException | IllegalStateException e) {
            throw new StoreException("cannot open the SQLite database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Seals what an earlier version kept in clear, then checkpoints and empties the WAL, whose older frames
     * would still hold the rows as they were (secure_delete has zeroed them in the pages themselves).
     */
    private static void sealClearRows(Connection c, SecretBox box) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                SqlSecrets.sealClearRows(c, box);
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
            // Best effort: with another process reading the file, the checkpoint stops short, and the WAL
            // is emptied by a later one.
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    /**
     * Switches the file to WAL once. Switching takes the file exclusively, and SQLite does not wait for that
     * lock (no busy handler), so two processes opening a new file together retry for a while instead.
     */
    private static void walMode(Statement s) throws SQLException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
                if (r.next() && "wal".equalsIgnoreCase(r.getString(1))) {
                    return;
                }
            }
            try {
                s.execute("PRAGMA journal_mode=WAL");
                return;
            } catch (SQLiteException e) {
                if ((e.getResultCode().code & 0xff) != SQLiteErrorCode.SQLITE_BUSY.code || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while opening the database", e);
            }
        }
    }

    /**
     * One SQLite transaction for the whole group (see {@link JdbcWriteGroup}), begun IMMEDIATE so that no
     * other process commits meanwhile; the transaction's commit is the one sync. The store's lock is held
     * until the group is closed.
     */
    @Override
    public Group group() {
        lock.lock();
        try {
            ensureOpen();
            return writeGroup(dialect);
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    private final Dialect dialect = new Dialect() {
        @Override
        public Connection beginWrite() throws SQLException {
            begin(true);
            return conn;
        }

        @Override
        public long lockHead(Connection c) throws SQLException {
            // BEGIN IMMEDIATE took the file's write lock: the latest revision cannot move until it ends.
            return currentRevision();
        }

        @Override
        public void advanceHead(Connection c, long revision) {
            // The head is the changelog's last row.
        }

        @Override
        public void announce(Connection c, long revision) {
            // Other processes on the file see the commit when they next read; this one is woken below.
        }

        @Override
        public void commitWrite(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
            }
            open = false;
        }

        @Override
        public void committed(long revision) {
            committed.signalAll();
        }

        @Override
        public void endWrite(Connection c) {
            rollbackQuietly(null);
        }

        @Override
        public void releaseGroup() {
            lock.unlock();
        }

        @Override
        public boolean conflict(Throwable e) {
            // Constraint failures come with extended codes (UNIQUE is 2067); the primary code is the low byte.
            return e instanceof SQLiteException se
                    && (se.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code;
        }

        @Override
        public boolean outcomeUnknown(SQLException e) {
            // Refused before writing anything (the file is locked), the transaction rolls back whole; an I/O
            // error during COMMIT may leave the commit whole in the WAL, and the next reader decides.
            return !refusedWhole(e);
        }
    };

    @Override
    public long awaitChange(long afterRevision, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMillis));
        lock.lock();
        try {
            while (true) {
                long latest = revision();
                long remaining = deadline - System.nanoTime();
                if (latest > afterRevision || remaining <= 0) {
                    return latest;
                }
                committed.awaitNanos(Math.min(remaining, POLL_NANOS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return revision();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean ping() {
        try {
            return transaction(false, "pinging", c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT 1")) {
                    return r.next();
                }
            });
        } catch (StoreException e) {
            return false;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                committed.signalAll();
                try {
                    conn.close();
                } catch (SQLException e) {
                    throw new StoreException("closing " + file + " failed: " + e.getMessage(), e);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected <T> T transaction(boolean write, String what, Work<T> work) {
        return inTransaction(write, what, () -> work.run(conn));
    }

    @Override
    protected long head(Connection c) throws SQLException {
        return currentRevision();
    }

    private interface Step<T> {
        T run() throws SQLException;
    }

    /**
     * Runs work in one transaction, committed at the end (so small writes use it too), or rolled back if it
     * fails: reads see one consistent state and writes land whole.
     */
    private <T> T inTransaction(boolean write, String what, Step<T> work) {
        lock.lock();
        try {
            ensureOpen();
            // Inside a group of writes on this thread (a write catching up before it plans again), the
            // group's transaction is already open and already sees everything: read within it.
            boolean nested = open;
            try {
                if (!nested) {
                    begin(write);
                }
                T result = work.run();
                if (!nested) {
                    end("COMMIT");
                }
                return result;
            } catch (SQLException e) {
                if (!nested) {
                    rollbackQuietly(e);
                }
                throw new StoreException(what + " in " + file + " failed: " + e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    private long currentRevision() throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet r = s.executeQuery("SELECT COALESCE(MAX(revision), 0) FROM changelog")) {
            r.next();
            return r.getLong(1);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the store " + file + " is closed", null);
        }
    }

    /**
     * Begins a transaction by hand (the connection stays in auto-commit mode): the driver's own transactions
     * begin again as soon as one ends, which would hold the file's write lock between writes and shut out
     * every other process. A write begins IMMEDIATE, taking the write lock at once, so that reading the
     * latest revision and writing the next one cannot interleave with another process's commit.
     */
    private void begin(boolean write) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute(write ? "BEGIN IMMEDIATE" : "BEGIN");
        }
        open = true;
    }

    private void end(String how) throws SQLException {
        end(true, how);
    }

    /** Runs a transaction-control statement; {@code ends} when it closes the transaction. */
    private void end(boolean ends, String how) throws SQLException {
        if (ends) {
            open = false;
        }
        try (Statement s = conn.createStatement()) {
            s.execute(how);
        }
    }

    /** SQLite refused the COMMIT before writing anything (the file is locked): the transaction rolls back. */
    private static boolean refusedWhole(SQLException e) {
        if (!(e instanceof SQLiteException se)) {
            return false;
        }
        int primary = se.getResultCode().code & 0xff;
        return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    private void rollbackQuietly(Exception cause) {
        try {
            if (open) {
                end("ROLLBACK");
            }
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }

}
