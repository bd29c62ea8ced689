package dev.gatehouse.store;

import dev.gatehouse.model.AuditPosition;

import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditQuery;
import java.util.List;

/** The audit log, written with the commits (see {@link Changelog}), read here. */
public interface AuditLog {

    /** An organization's audit entries after a position, oldest first, at most {@code limit}. */
    List<AuditEntry> auditLog(String orgId, AuditPosition after, int limit);

    /**
     * An organization's audit entries that match {@code query}, newest first (by revision, then seq), strictly
     * before {@code before} ({@code null}: from the newest), at most {@code limit}.
     */
    List<AuditEntry> auditEntries(String orgId, AuditQuery query, AuditPosition before, int limit);

    /** Entry {@code seq} of {@code revision} in an organization's log, or null when it has none such. */
    AuditEntry auditEntry(String orgId, long revision, int seq);
}
