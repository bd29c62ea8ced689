package dev.gatehouse.store.sqlite;

import dev.gatehouse.model.Change;
import dev.gatehouse.store.ChangeCodec;
import dev.gatehouse.store.ChangelogEntry;
import dev.gatehouse.store.Migrations;
import dev.gatehouse.store.Snapshot;
import dev.gatehouse.store.SqlTables;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
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
public final class SqliteStore implements Store {
    static final List<String> MIGRATIONS = List.of("V1__schema.sql");

    private final Path file;
    private final Connection conn;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private SqliteStore(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static SqliteStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
            }
            try {
                Migrations.apply(c, "db/sqlite", MIGRATIONS);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            c.setAutoCommit(false);
            return new SqliteStore(file, c);
        } catch (SQLException | IOException | IllegalStateException e) {
            throw new StoreException("cannot open the SQLite database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public long commit(String actor, List<Change> changes) {
        try (Group g = group()) {
            long revision = g.add(actor, changes);
            g.commit();
            return revision;
        }
    }

    /**
     * One SQLite transaction for the whole group, with a savepoint per write so that a refused write is undone
     * alone; the transaction's commit is the one sync. The store's lock is held until the group is closed.
     */
    @Override
    public Group group() {
        lock.lock();
        try {
            ensureOpen();
            return new SqliteGroup(currentRevision());
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(e);
            lock.unlock();
            throw e instanceof StoreException se ? se
                    : new StoreException("cannot start a write: " + e.getMessage(), e);
        }
    }

    private final class SqliteGroup implements Group {
        private long revision;
        private boolean open = true;
        /** Whether writes were added since the last commit, so that closing has something to roll back. */
        private boolean pending;

        SqliteGroup(long revision) {
            this.revision = revision;
        }

        @Override
        public long add(String actor, List<Change> changes) {
            if (!open) {
                throw new IllegalStateException("the group is closed");
            }
            Savepoint savepoint = null;
            pending = true;
            try {
                savepoint = conn.setSavepoint();
                long next = revision + 1;
                for (Change change : changes) {
                    SqlTables.apply(conn, change);
                }
                try (PreparedStatement ps = conn.prepareStatement(
                        "INSERT INTO changelog (revision, committed_at, actor, changes) VALUES (?,?,?,?)")) {
                    ps.setLong(1, next);
                    ps.setString(2, Instant.now().toString());
                    ps.setString(3, actor);
                    ps.setString(4, ChangeCodec.encode(changes));
                    ps.executeUpdate();
                }
                conn.releaseSavepoint(savepoint);
                revision = next;
                return next;
            } catch (SQLException | RuntimeException e) {
                if (savepoint != null) {
                    try {
                        conn.rollback(savepoint);
                        conn.releaseSavepoint(savepoint);
                    } catch (SQLException undo) {
                        e.addSuppressed(undo);
                    }
                }
                // Constraint failures come with extended codes (UNIQUE is 2067); the primary code is the low byte.
                boolean conflict = e instanceof SQLiteException se
                        && (se.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code;
                throw new StoreException("the write was not stored: " + e.getMessage(), e, conflict);
            }
        }

        @Override
        public void commit() {
            try {
                conn.commit();
                pending = false;
            } catch (SQLException e) {
                rollbackQuietly(e);
                pending = false;
                throw new StoreException("the writes were not stored: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                try {
                    if (pending) {
                        rollbackQuietly(null);
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    @Override
    public Snapshot load() {
        return read(() -> SqlTables.load(conn, currentRevision()));
    }

    @Override
    public List<ChangelogEntry> changesAfter(long revision, int limit) {
        return read(() -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT revision, committed_at, actor, changes FROM changelog "
                    + "WHERE revision > ? ORDER BY revision LIMIT ?")) {
                ps.setLong(1, revision);
                ps.setInt(2, limit);
                List<ChangelogEntry> out = new java.util.ArrayList<>();
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        out.add(new ChangelogEntry(r.getLong(1), Instant.parse(r.getString(2)), r.getString(3),
                                ChangeCodec.decode(r.getString(4))));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public long revision() {
        return read(this::currentRevision);
    }

    @Override
    public byte[] secret(String name) {
        lock.lock();
        try {
            ensureOpen();
            try {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try (PreparedStatement ps = conn.prepareStatement(
                        "INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                    ps.setString(1, name);
                    ps.setBytes(2, fresh);
                    ps.executeUpdate();
                }
                byte[] value;
                try (PreparedStatement ps = conn.prepareStatement("SELECT value FROM secrets WHERE name = ?")) {
                    ps.setString(1, name);
                    try (ResultSet r = ps.executeQuery()) {
                        r.next();
                        value = r.getBytes(1);
                    }
                }
                conn.commit();
                return value;
            } catch (SQLException e) {
                rollbackQuietly(e);
                throw new StoreException("cannot read secret '" + name + "': " + e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean ping() {
        try {
            return read(() -> {
                try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery("SELECT 1")) {
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

    private interface Read<T> {
        T run() throws SQLException;
    }

    /** Runs reads in one transaction, so they see one consistent state. */
    private <T> T read(Read<T> read) {
        lock.lock();
        try {
            ensureOpen();
            try {
                T result = read.run();
                conn.commit();
                return result;
            } catch (SQLException e) {
                rollbackQuietly(e);
                throw new StoreException("reading " + file + " failed: " + e.getMessage(), e);
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

    /** Rolls back what is not committed; a failure to do so is added to {@code cause}, when there is one. */
    private void rollbackQuietly(Exception cause) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }
}
