package dev.gatehouse.service;

import dev.gatehouse.store.AuditLog;
import dev.gatehouse.engine.Reads;
import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditPosition;
import java.util.List;

/** Reading an organization's audit log: who changed what, and when. Organization admins only. */
public final class AuditService {
    private final Reads reads;
    private final AuditLog log;

    public AuditService(Reads reads, AuditLog log) {
        this.reads = reads;
        this.log = log;
    }

    /** The entries after {@code after}, oldest first, at most {@code limit}. */
    public List<AuditEntry> page(Caller caller, String orgId, AuditPosition after, int limit) {
        reads.read(w -> Guard.orgAdmin(w, caller, orgId));
        return log.auditLog(orgId, after, limit);
    }
}
