package dev.gatehouse.store;

import dev.gatehouse.model.AuditPosition;

import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit log's rows, in SQL that every store shares. */
public final class SqlAudit {
    private SqlAudit() {
    }

    /** Writes a commit's audit events inside the commit's own transaction. */
    public static void insert(Connection c, long revision, Commit commit) throws SQLException {
        if (commit.audit().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (org_id, revision, seq, at, actor, action, "
                + "resource_type, resource_id, subject_type, subject_id, role_before, role_after) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int seq = 0;
            for (AuditEvent e : commit.audit()) {
                ps.setString(1, e.orgId());
                ps.setLong(2, revision);
                ps.setInt(3, seq++);
                ps.setString(4, commit.at().toString());
                ps.setString(5, commit.actor());
                ps.setString(6, e.action());
                ps.setString(7, e.resourceType());
                ps.setString(8, e.resourceId());
                ps.setString(9, e.subjectType());
                ps.setString(10, e.subjectId());
                ps.setString(11, e.before());
                ps.setString(12, e.after());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** An organization's entries after {@code after}, oldest first. */
    public static List<AuditEntry> page(Connection c, String orgId, AuditPosition after, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT revision, seq, at, actor, action, resource_type, resource_id, "
                + "subject_type, subject_id, role_before, role_after FROM audit_log "
                + "WHERE org_id = ? AND (revision > ? OR (revision = ? AND seq > ?)) ORDER BY revision, seq LIMIT ?")) {
            ps.setString(1, orgId);
            ps.setLong(2, after.revision());
            ps.setLong(3, after.revision());
            ps.setInt(4, after.seq());
            ps.setInt(5, limit);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.add(new AuditEntry(r.getLong(1), r.getInt(2), Instant.parse(r.getString(3)), r.getString(4),
                            new AuditEvent(orgId, r.getString(5), r.getString(6), r.getString(7), r.getString(8),
                                    r.getString(9), r.getString(10), r.getString(11))));
                }
            }
            return out;
        }
    }
}
