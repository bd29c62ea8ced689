package dev.gatehouse.store.migrate;

import dev.gatehouse.store.SecretBox;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.postgres.PostgresTarget;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * Copies a SQLite database into an empty PostgreSQL one, table by table in one PostgreSQL transaction: the
 * target holds all of it or, on any failure, nothing more than its schema.
 *
 * <p>Values are converted by the target column's type, read from the target's catalog, so a table or a column
 * a later migration adds is copied with no change here. Sealed secrets are copied as they are: the target's
 * nodes must open them with the same key, which {@link #copy} checks by opening the target with it.
 */
public final class SqliteToPostgres {
    static final int BATCH = 1_000;
    /** Tables that are the stores' own bookkeeping, each created and kept by its own store. */
    private static final List<String> NOT_COPIED = List.of("schema_version", "head");
    /** The secret a store writes when it first opens, to prove the key (see store.SqlSecrets). */
    private static final String KEY_CHECK = "key-check";

    private SqliteToPostgres() {
    }

    /** What was copied: the revision, and each table's rows on the SQLite side, in copy order. */
    public record Copied(long revision, Map<String, Long> rows) { }

    /** The target already holds rows: nothing was changed there. */
    public static final class NotEmpty extends StoreException {
        NotEmpty(String message) {
            super(message, null);
        }
    }

    /**
     * Copies {@code sqliteFile} (whose secrets {@code box} opens) into {@code target}, which must hold no rows.
     *
     * @throws NotEmpty when the target holds rows; it is left as it was
     * @throws StoreException when either database cannot be opened or the copy failed; the target holds no rows
     */
    public static Copied copy(Path sqliteFile, SecretBox box, PostgresTarget target, Duration wait) {
        if (!Files.isRegularFile(sqliteFile)) {
            throw new StoreException("no SQLite database at " + sqliteFile, null);
        }
        // Brings the source to the current schema and proves the key opens its secrets, before the target is touched.
        SqliteStore.open(sqliteFile, box).close();
        try (Connection pg = connect(target)) {
            refuseRows(pg);
        } catch (SQLException e) {
            throw new StoreException("cannot read the PostgreSQL database " + target.safeUrl() + ": " + e.getMessage(), e);
        }
        // Creates the schema, as a node's first start would.
        PostgresStore.open(target, wait, box).close();
        try (Connection lite = readOnly(sqliteFile); Connection pg = connect(target)) {
            lite.setAutoCommit(false);
            pg.setAutoCommit(false);
            try {
                Copied copied = copyAll(lite, pg);
                pg.commit();
                return copied;
            } catch (SQLException | RuntimeException e) {
                pg.rollback();
                throw e;
            } finally {
                lite.rollback();
            }
        } catch (NotEmpty e) {
            throw e;
        } catch (SQLException e) {
            throw new StoreException("the copy to " + target.safeUrl() + " failed, and nothing was copied: "
                    + e.getMessage(), e);
        }
    }

    /** Each table's rows in {@code c}, SQLite or PostgreSQL, for the tables {@code copied} names. */
    public static Map<String, Long> count(Connection c, Iterable<String> tables) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String t : tables) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
                r.next();
                rows.put(t, r.getLong(1));
            }
        }
        return rows;
    }

    static Connection connect(PostgresTarget target) throws SQLException {
        Properties p = new Properties();
        if (target.user() != null) {
            p.setProperty("user", target.user());
        }
        if (target.password() != null) {
            p.setProperty("password", target.password());
        }
        p.setProperty("ApplicationName", "gatehouse migrate");
        p.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(target.url(), p);
    }

    static Connection readOnly(Path sqliteFile) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        return DriverManager.getConnection("jdbc:sqlite:" + sqliteFile.toAbsolutePath(), config.toProperties());
    }

    /**
     * Refuses a target with any row in a Gatehouse table. A store that opened it once left its head at 0 and a
     * key-check secret: that is still empty.
     */
    private static void refuseRows(Connection pg) throws SQLException {
        List<String> present = new ArrayList<>();
        try (ResultSet r = pg.createStatement().executeQuery("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = current_schema() ORDER BY table_name")) {
            while (r.next()) {
                present.add(r.getString(1));
            }
        }
        for (String t : present) {
            if (t.equals("schema_version")) {
                continue;
            }
            String where = switch (t) {
                case "head" -> " WHERE revision <> 0";
                case "secrets" -> " WHERE name <> '" + KEY_CHECK + "'";
                default -> "";
            };
            try (Statement s = pg.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + quote(t) + where)) {
                r.next();
                long n = r.getLong(1);
                if (n > 0) {
                    throw new NotEmpty("the target database is not empty (" + (t.equals("head") ? "its head is past revision 0"
                            : "table " + t + " holds " + n + " rows") + "); migrate copies into an empty database only");
                }
            }
        }
    }

    private static Copied copyAll(Connection lite, Connection pg) throws SQLException {
        // Holds the head row: a node started on the target meanwhile cannot commit until the copy is in.
        long head;
        try (ResultSet r = pg.createStatement().executeQuery("SELECT revision FROM head FOR UPDATE")) {
            r.next();
            head = r.getLong(1);
        }
        if (head != 0) {
            throw new NotEmpty("the target database is not empty (its head is past revision 0); migrate copies into"
                    + " an empty database only");
        }
        // The target's key-check was sealed with the same key (the open above proved it); the source's takes its place.
        pg.createStatement().executeUpdate("DELETE FROM secrets WHERE name = '" + KEY_CHECK + "'");
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : sourceTables(lite)) {
            rows.put(table, copyTable(lite, pg, table));
        }
        long revision;
        try (ResultSet r = lite.createStatement().executeQuery("SELECT COALESCE(MAX(revision), 0) FROM changelog")) {
            r.next();
            revision = r.getLong(1);
        }
        // PostgreSQL's only counter: the next commit takes head + 1. The tables have no sequence or identity
        // column (a webhook delivery's id is its webhook's MAX + 1), so there is nothing else to set.
        try (PreparedStatement ps = pg.prepareStatement("UPDATE head SET revision = ?")) {
            ps.setLong(1, revision);
            ps.executeUpdate();
        }
        // A delivery lease belongs to a node of the old database, which is stopped: the new nodes need not wait it out.
        pg.createStatement().executeUpdate("UPDATE webhooks SET lease_owner = NULL, lease_until = NULL");
        return new Copied(revision, rows);
    }

    /** The source's tables, in creation order, less the stores' own bookkeeping. */
    private static List<String> sourceTables(Connection lite) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet r = lite.createStatement().executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")) {
            while (r.next()) {
                if (!NOT_COPIED.contains(r.getString(1))) {
                    tables.add(r.getString(1));
                }
            }
        }
        return tables;
    }

    private static long copyTable(Connection lite, Connection pg, String table) throws SQLException {
        Map<String, String> types = targetColumns(pg, table);
        if (types.isEmpty()) {
            throw new SQLException("the target has no table " + table + "; is it at an older schema version?");
        }
        List<String> columns = new ArrayList<>(types.keySet());
        String list = String.join(", ", columns);
        String insert = "INSERT INTO " + table + " (" + list + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
        long n = 0;
        try (Statement s = lite.createStatement(); ResultSet r = s.executeQuery("SELECT " + list + " FROM " + table);
             PreparedStatement ps = pg.prepareStatement(insert)) {
            while (r.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    bind(ps, i + 1, r, i + 1, types.get(columns.get(i)), table + "." + columns.get(i));
                }
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return n;
    }

    /** The target table's columns and their PostgreSQL types, in table order. */
    private static Map<String, String> targetColumns(Connection pg, String table) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (PreparedStatement ps = pg.prepareStatement("SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    types.put(r.getString(1), r.getString(2));
                }
            }
        }
        return types;
    }

    /** One value, converted to what the target column holds. */
    static void bind(PreparedStatement ps, int to, ResultSet r, int from, String type, String column) throws SQLException {
        Object v = r.getObject(from);
        if (v == null) {
            ps.setNull(to, switch (type) {
                case "boolean" -> Types.BOOLEAN;
                case "bytea" -> Types.BINARY;
                case "bigint", "integer", "smallint" -> Types.BIGINT;
                default -> Types.VARCHAR;
            });
            return;
        }
        switch (type) {
            // SQLite keeps a BOOLEAN as the integer 0 or 1.
            case "boolean" -> ps.setBoolean(to, truth(v, column));
            case "bytea" -> ps.setBytes(to, r.getBytes(from));
            case "bigint" -> ps.setLong(to, r.getLong(from));
            case "integer", "smallint" -> ps.setInt(to, r.getInt(from));
            case "text", "character varying" -> ps.setString(to, r.getString(from));
            default -> throw new SQLException("no conversion to " + type + " for " + column);
        }
    }

    private static boolean truth(Object v, String column) throws SQLException {
        if (v instanceof Number n) {
            return n.longValue() != 0;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().strip();
        if (s.equals("1") || s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equals("0") || s.equalsIgnoreCase("false")) {
            return false;
        }
        throw new SQLException(column + " holds '" + s + "', which is not a boolean");
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
