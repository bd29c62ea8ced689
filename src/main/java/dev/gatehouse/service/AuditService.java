package dev.gatehouse.service;

import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditPosition;
import java.util.List;

/** Reading an organization's audit log: who changed what, and when. Organization admins only. */
public final class AuditService {
    private final Gatehouse core;

    public AuditService(Gatehouse core) {
        this.core = core;
    }

    /** The entries after {@code after}, oldest first, at most {@code limit}. */
    public List<AuditEntry> page(Caller caller, String orgId, AuditPosition after, int limit) {
        core.read(w -> Guard.orgAdmin(w, caller, orgId));
        return core.store().auditLog(orgId, after, limit);
    }
}
