package dev.gatehouse.store;

import dev.gatehouse.model.AuditPosition;

import dev.gatehouse.model.AuditEntry;
import java.util.List;

/** The audit log, written with the commits (see {@link Changelog}), read here. */
public interface AuditLog {

    /** An organization's audit entries after a position, oldest first, at most {@code limit}. */
    List<AuditEntry> auditLog(String orgId, AuditPosition after, int limit);
}
