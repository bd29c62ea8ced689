package dev.gatehouse.store;

import dev.gatehouse.model.AuditPosition;

import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditEvent;
import dev.gatehouse.model.AuditQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit log's rows, in SQL that every store shares. */
public final class SqlAudit {
    private static final String SELECT = "SELECT revision, seq, at, actor, action, resource_type, resource_id, "
            + "subject_type, subject_id, role_before, role_after, expires_at FROM audit_log ";

    /**
     * {@code at} (written by {@link Instant#toString()}) as text that sorts as the instants do. The fraction has 0,
     * 3, 6 or 9 digits, so as text {@code ...:00Z} sorts after {@code ...:00.5Z}; padded to nine digits, without
     * the dot and the Z, it sorts right. The same SQL runs on SQLite and PostgreSQL.
     */
    private static final String SORTABLE_AT = "(substr(at, 1, 19) || substr(replace(substr(at, 20, length(at) - 20), "
            + "'.', '') || '000000000', 1, 9))";
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private SqlAudit() {
    }

    /** Rows a statement: one statement for many rows is what makes a large write's audit cheap. */
    private static final int ROWS = 64;
    private static final String INSERT = "INSERT INTO audit_log (org_id, revision, seq, at, actor, action, "
            + "resource_type, resource_id, subject_type, subject_id, role_before, role_after, expires_at) VALUES ";
    private static final String ROW = "(?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final int COLUMNS = 13;

    /**
     * Writes a commit's audit events inside the commit's own transaction: {@link #ROWS} rows a statement, and
     * what is left over in one more. Every row is new (its key is the commit's revision and its place in it),
     * so a statement of many rows does exactly what as many statements of one would.
     */
    public static void insert(Connection c, long revision, Commit commit) throws SQLException {
        List<AuditEvent> events = commit.audit();
        if (events.isEmpty()) {
            return;
        }
        String at = commit.at().toString();
        int full = events.size() / ROWS;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(statement(ROWS))) {
                for (int s = 0; s < full; s++) {
                    for (int k = 0; k < ROWS; k++) {
                        int seq = s * ROWS + k;
                        bind(ps, k * COLUMNS, revision, seq, at, commit.actor(), events.get(seq));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        int rest = events.size() - full * ROWS;
        if (rest > 0) {
            try (PreparedStatement ps = c.prepareStatement(statement(rest))) {
                for (int k = 0; k < rest; k++) {
                    int seq = full * ROWS + k;
                    bind(ps, k * COLUMNS, revision, seq, at, commit.actor(), events.get(seq));
                }
                ps.executeUpdate();
            }
        }
    }

    private static String statement(int rows) {
        StringBuilder sql = new StringBuilder(INSERT.length() + rows * (ROW.length() + 1)).append(INSERT);
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ",").append(ROW);
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement ps, int from, long revision, int seq, String at, String actor,
                             AuditEvent e) throws SQLException {
        ps.setString(from + 1, e.orgId());
        ps.setLong(from + 2, revision);
        ps.setInt(from + 3, seq);
        ps.setString(from + 4, at);
        ps.setString(from + 5, actor);
        ps.setString(from + 6, e.action());
        ps.setString(from + 7, e.resourceType());
        ps.setString(from + 8, e.resourceId());
        ps.setString(from + 9, e.subjectType());
        ps.setString(from + 10, e.subjectId());
        ps.setString(from + 11, e.before());
        ps.setString(from + 12, e.after());
        ps.setString(from + 13, e.expiresAt() == null ? null : e.expiresAt().toString());
    }

    /** An organization's entries after {@code after}, oldest first. */
    public static List<AuditEntry> page(Connection c, String orgId, AuditPosition after, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE org_id = ? AND (revision > ? OR (revision = ? AND seq > ?)) "
                + "ORDER BY revision, seq LIMIT ?")) {
            ps.setString(1, orgId);
            ps.setLong(2, after.revision());
            ps.setLong(3, after.revision());
            ps.setInt(4, after.seq());
            ps.setInt(5, limit);
            return read(ps, orgId);
        }
    }

    /**
     * An organization's entries that match, newest first, strictly before {@code before} (null: from the newest).
     * The primary key (org, revision, seq) is read backwards and rows that do not match are skipped, so a filter
     * that matches rarely reads much of the organization's log; an index per filter would cost every write instead.
     */
    public static List<AuditEntry> matching(Connection c, String orgId, AuditQuery q, AuditPosition before, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE org_id = ?");
        List<Object> args = new ArrayList<>(List.of(orgId));
        if (before != null) {
            sql.append(" AND (revision < ? OR (revision = ? AND seq < ?))");
            args.addAll(List.of(before.revision(), before.revision(), before.seq()));
        }
        if (q.from() != null) {
            sql.append(" AND ").append(SORTABLE_AT).append(" >= ?");
            args.add(sortable(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND ").append(SORTABLE_AT).append(" <= ?");
            args.add(sortable(q.to()));
        }
        equal(sql, args, "action", q.action());
        equal(sql, args, "actor", q.actor());
        equal(sql, args, "resource_id", q.resourceId());
        sql.append(" ORDER BY revision DESC, seq DESC LIMIT ?");
        args.add(limit);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return read(ps, orgId);
        }
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    /** Entry {@code seq} of {@code revision} in an organization's log, or null. */
    public static AuditEntry one(Connection c, String orgId, long revision, int seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE org_id = ? AND revision = ? AND seq = ?")) {
            ps.setString(1, orgId);
            ps.setLong(2, revision);
            ps.setInt(3, seq);
            List<AuditEntry> found = read(ps, orgId);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    /** A bound compared with {@link #SORTABLE_AT}: the instant's text, as that expression makes it of {@code at}. */
    static String sortable(Instant t) {
        // Outside years 0000 to 9999 Instant.toString() has a sign or a fifth digit; such a bound is the range's end.
        String at = (t.isBefore(FIRST) ? FIRST : t.isAfter(LAST) ? LAST : t).toString();
        String fraction = at.substring(19, at.length() - 1).replace(".", "");
        return at.substring(0, 19) + (fraction + "000000000").substring(0, 9);
    }

    private static List<AuditEntry> read(PreparedStatement ps, String orgId) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                out.add(new AuditEntry(r.getLong(1), r.getInt(2), Instant.parse(r.getString(3)), r.getString(4),
                        new AuditEvent(orgId, r.getString(5), r.getString(6), r.getString(7), r.getString(8),
                                r.getString(9), r.getString(10), r.getString(11),
                                r.getString(12) == null ? null : Instant.parse(r.getString(12)))));
            }
        }
        return out;
    }
}
