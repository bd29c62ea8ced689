package dev.gatehouse.service;

import dev.gatehouse.engine.AuditTrail;
import dev.gatehouse.engine.Reads;
import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditPosition;
import dev.gatehouse.model.AuditQuery;
import dev.gatehouse.model.Ids;
import dev.gatehouse.store.AuditLog;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit log as GitBook's audit events: newest first, filtered, each event named by a stable id
 * ({@link AuditEventId}). Organization admins only, as the audit log.
 */
public final class AuditEventService {
    /** GitBook's bound on a page of audit events, and its default. */
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    private static final Pattern KEY = Pattern.compile("([0-9]{1,18})\\.([0-9]{1,9})");

    private final Reads reads;
    private final AuditLog log;

    public AuditEventService(Reads reads, AuditLog log) {
        this.reads = reads;
        this.log = log;
    }

    /**
     * The entries that match {@code q}, newest first, after the entry whose key ({@code revision.seq}) is
     * {@code after} (null: from the newest).
     */
    public Slice<AuditEntry> list(Caller caller, String orgId, AuditQuery q, String after, int limit) {
        check(q);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("'limit' must be a whole number from 1 to " + MAX_LIMIT + "; got " + limit);
        }
        AuditPosition before = after == null ? null : position(after);
        reads.read(w -> Guard.orgAdmin(w, caller, orgId));
        List<AuditEntry> entries = log.auditEntries(orgId, q, before, limit + 1);
        boolean more = entries.size() > limit;
        return Slice.of(more ? entries.subList(0, limit) : entries, more, e -> e.revision() + "." + e.seq());
    }

    /** One event, by the id {@link AuditEventId} gave it; 404 for an id of nothing in this organization's log. */
    public AuditEntry get(Caller caller, String orgId, String eventId) {
        reads.read(w -> Guard.orgAdmin(w, caller, orgId));
        AuditPosition at = AuditEventId.parse(eventId);
        AuditEntry e = at == null ? null : log.auditEntry(orgId, at.revision(), at.seq());
        if (e == null) {
            throw ApiException.notFound("no audit event with id '" + eventId + "' in organization '" + orgId + "'");
        }
        return e;
    }

    /** Every action with its label, by action. */
    public Map<String, String> actions(Caller caller, String orgId) {
        reads.read(w -> Guard.orgAdmin(w, caller, orgId));
        return AuditActions.LABELS;
    }

    private static void check(AuditQuery q) {
        if (q.from() != null && q.to() != null && q.from().isAfter(q.to())) {
            throw ApiException.badRequest("'from' (" + q.from() + ") is after 'to' (" + q.to() + "): nothing can match");
        }
        if (q.action() != null && !AuditTrail.ACTIONS.contains(q.action())) {
            throw ApiException.badRequest("'action': '" + q.action() + "' is not an audit action; "
                    + "GET /v1/orgs/{organizationId}/audit-event-actions lists them");
        }
        if (q.actor() != null && !Ids.isValid(q.actor())) {
            throw ApiException.badRequest("'actor' must be a user id or 'system' (ids are " + Ids.rule() + "); got '"
                    + q.actor() + "'");
        }
        if (q.resourceId() != null && !Ids.isValid(q.resourceId())) {
            throw ApiException.badRequest("'target' must be the id of a resource (ids are " + Ids.rule() + "); got '"
                    + q.resourceId() + "'");
        }
    }

    /** The key of a list cursor: the revision and seq of the last entry of the previous page. */
    private static AuditPosition position(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            throw ApiException.badRequest("'page' is not a cursor of this list; pass the 'next.page' value of the "
                    + "previous page unchanged");
        }
        return new AuditPosition(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)));
    }
}
