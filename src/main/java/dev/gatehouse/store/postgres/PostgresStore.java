package dev.gatehouse.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.store.Migrations;
import dev.gatehouse.store.SecretBox;
import dev.gatehouse.store.SqlSecrets;
import dev.gatehouse.store.Snapshot;
import dev.gatehouse.store.SqlAudit;
import dev.gatehouse.store.SqlIdempotency;
import dev.gatehouse.store.SqlTables;
import dev.gatehouse.store.SqlWebhooks;
import dev.gatehouse.store.JdbcStore;
import dev.gatehouse.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * The store on a PostgreSQL database, which several nodes may share.
 *
 * <p>Rows are written and read by the SQL every store shares ({@link SqlTables}, {@link SqlAudit},
 * {@link SqlIdempotency}, {@link SqlWebhooks}), as in SQLite. What PostgreSQL does differently is here: the revision comes from a locked head row (see {@link #commit}), every commit is announced on
 * {@value #CHANNEL} so that other nodes' {@link #awaitChange} wake, and connections come from a small
 * HikariCP pool, since commits from several threads really do run side by side here.
 *
 * <p>Durability: PostgreSQL's default {@code synchronous_commit=on}, so a commit has reached the
 * server's disk when {@link #commit} returns.
 */
public final class PostgresStore extends JdbcStore {
    static final List<String> MIGRATIONS = List.of("V1__schema.sql", "V2__audit_idempotency_webhooks.sql",
            "V3__sealed_secrets.sql", "V4__grant_expiry.sql", "V5__link_invites_sso_email_domains.sql",
            "V6__share_links_access_requests.sql", "V7__scim.sql", "V8__expiry_in_audit_and_approvals.sql",
            "V9__no_unread_indexes.sql");
    static final String CHANNEL = "gatehouse_changelog";
    static final int POOL_SIZE = 8;
    /** The advisory lock that lets one node at a time migrate a shared database. */
    private static final long MIGRATION_LOCK = 0x6761746568L;

    private final PostgresTarget target;
    private final HikariDataSource pool;
    private final ChangeListener listener;
    private volatile boolean closed;

    /** How long a write, or a wait for a pooled connection, may take by default before it fails. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(2);

    private final int writeTimeoutMillis;

    private PostgresStore(PostgresTarget target, HikariDataSource pool, ChangeListener listener, SecretBox box,
                          Duration writeTimeout) {
        // Every node on the database must seal with the same key.
        super(box);
        this.writeTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, writeTimeout.toMillis());
        this.target = target;
        this.pool = pool;
        this.listener = listener;
    }

    /**
     * Connects, waiting up to {@code wait} for a database that cannot be reached yet, and brings the schema
     * up to date. Secrets are sealed with {@code box}, which must hold the key every node on this database
     * uses: a key that does not open the secrets already there fails the start.
     */
    public static PostgresStore open(PostgresTarget target, Duration wait, SecretBox box) {
        return open(target, wait, POOL_SIZE, box, DEFAULT_WRITE_TIMEOUT);
    }

    /**
     * The same, with a bound on each write and on each wait for a pooled connection: a database that is down
     * or stalled fails calls within it, instead of holding callers for as long as TCP takes to notice.
     */
    public static PostgresStore open(PostgresTarget target, Duration wait, SecretBox box, Duration writeTimeout) {
        return open(target, wait, POOL_SIZE, box, writeTimeout);
    }

    static PostgresStore open(PostgresTarget target, Duration wait, int poolSize, SecretBox box) {
        return open(target, wait, poolSize, box, DEFAULT_WRITE_TIMEOUT);
    }

    static PostgresStore open(PostgresTarget target, Duration wait, int poolSize, SecretBox box, Duration writeTimeout) {
        try (Connection c = Reach.connect(target, wait, "gatehouse")) {
            migrate(c, box);
        } catch (SQLException | IllegalStateException e) {
            throw new StoreException("cannot open the PostgreSQL database " + target.safeUrl() + ": " + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("gatehouse-postgres");
        config.setJdbcUrl(target.url());
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.addDataSourceProperty("ApplicationName", "gatehouse");
        // No call waits forever on a database that stopped answering (a write group sets its own, tighter bound).
        config.addDataSourceProperty("socketTimeout", "30");
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setConnectionTimeout(Math.max(250, writeTimeout.toMillis()));
        // Checking a pooled connection is alive must fit in the same bound (a stalled one would hold it 5 s).
        config.setValidationTimeout(Math.max(250, writeTimeout.toMillis() / 2));
        // Reach has just connected; a database lost since then shows as failing calls, not a failed start.
        config.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(config);
        return new PostgresStore(target, pool, ChangeListener.start(target, CHANNEL), box, writeTimeout);
    }

    /** Migrates, then seals what an earlier version kept in clear, under the lock so that one node does it. */
    private static void migrate(Connection c, SecretBox box) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
        }
        try {
            Migrations.apply(c, "db/postgres", MIGRATIONS);
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                SqlSecrets.sealClearRows(c, box);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        }
    }

    public PostgresTarget target() {
        return target;
    }

    /**
     * One transaction for a group of writes, holding the {@code head} row from its first write to its commit
     * (see {@link JdbcWriteGroup}), announced on {@value #CHANNEL}.
     *
     * <p>Why a locked row and not a sequence: a sequence hands out numbers outside the transaction, so a
     * rolled-back commit leaves a gap, and two commits may finish in the other order than they drew their
     * numbers, so a reader could see revision 6 before 5 exists and skip 5 forever. {@code SELECT ... FOR
     * UPDATE} on the one head row makes every other commit, on any node, wait until this transaction ends,
     * then read the value it committed: revisions follow commit order, a rollback gives its number back,
     * and the expected-revision check cannot be overtaken between the check and the commit. It serializes
     * commits, which a write path that plans against the latest revision needs anyway.
     */
    @Override
    public Group group() {
        ensureOpen();
        return writeGroup(dialect);
    }

    private final Dialect dialect = new Dialect() {
        @Override
        public Connection beginWrite() throws SQLException {
            Connection c = connection();
            // A database that stops answering mid-write fails the write within the bound, instead of holding
            // the group (and every writer queued behind it) for as long as TCP takes to notice.
            c.setNetworkTimeout(Runnable::run, writeTimeoutMillis);
            return c;
        }

        @Override
        public long lockHead(Connection c) throws SQLException {
            return SqlTables.query(c, "SELECT revision FROM head FOR UPDATE", r -> r.getLong(1)).get(0);
        }

        @Override
        public void advanceHead(Connection c, long revision) throws SQLException {
            SqlTables.exec(c, "UPDATE head SET revision = ?", revision);
        }

        @Override
        public void announce(Connection c, long revision) throws SQLException {
            // pg_notify is NOTIFY with a bound payload; like NOTIFY it is delivered when, and if, the
            // transaction commits, in commit order.
            SqlTables.query(c, "SELECT pg_notify('" + CHANNEL + "', ?)", r -> null, Long.toString(revision));
        }

        @Override
        public void commitWrite(Connection c) throws SQLException {
            c.commit();
        }

        @Override
        public void committed(long revision) {
            listener.observe(revision);
        }

        @Override
        public void endWrite(Connection c) {
            try {
                c.rollback();
                c.close();
            } catch (SQLException e) {
                // The pool drops a connection it cannot reset; there is nothing left to undo.
            }
        }

        @Override
        public void releaseGroup() {
        }

        @Override
        public boolean conflict(Throwable e) {
            return SqlStates.conflict(e);
        }

        @Override
        public boolean outcomeUnknown(SQLException e) {
            return SqlStates.outcomeUnknown(e);
        }
    };

    @Override
    protected Snapshot load(Connection c) throws SQLException {
        // One snapshot of the database for the head and every table, so they agree.
        SqlTables.exec(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        return super.load(c);
    }

    @Override
    public long awaitChange(long afterRevision, long timeoutMillis) {
        listener.observe(revision());
        try {
            return listener.await(afterRevision, timeoutMillis, this::revision);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return revision();
        }
    }

    /** True while this store hears other nodes' commits as they happen (rather than by polling). */
    boolean listening() {
        return listener.listening();
    }

    @Override
    public boolean ping() {
        if (closed) {
            return false;
        }
        try (Connection c = connection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            listener.close();
            pool.close();
        }
    }

    @Override
    protected long head(Connection c) throws SQLException {
        return SqlTables.query(c, "SELECT revision FROM head", r -> r.getLong(1)).get(0);
    }

    @Override
    protected <T> T transaction(boolean write, String what, Work<T> work) {
        ensureOpen();
        try (Connection c = connection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException(what + " in " + target.safeUrl() + " failed: " + e.getMessage(), e,
                    SqlStates.conflict(e));
        }
    }

    /**
     * A pooled connection, also for a thread that was interrupted: HikariCP refuses one to such a thread,
     * where SQLite's driver ignores interrupts. The call is made, as on SQLite, and the interrupt is kept
     * for the caller, who asked to stop and will see it at its next wait.
     */
    private Connection connection() throws SQLException {
        boolean interrupted = Thread.interrupted();
        try {
            return pool.getConnection();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the store " + target.safeUrl() + " is closed", null);
        }
    }
}
