package dev.gatehouse.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditEvent;

/**
 * An audit entry as JSON: the same shape in the audit-log endpoint and in webhook deliveries, so a
 * receiver and a poller read one format.
 */
public final class AuditJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditJson() {
    }

    public static ObjectNode entry(AuditEntry e) {
        AuditEvent ev = e.event();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("object", "audit-entry");
        n.put("position", position(e));
        n.put("revision", e.revision());
        n.put("seq", e.seq());
        n.put("at", e.at().toString());
        n.put("organization", ev.orgId());
        ObjectNode actor = n.putObject("actor");
        if (e.actor().equals(Caller.SYSTEM_ACTOR)) {
            actor.put("type", "system");
        } else if (e.actor().equals(Caller.SCIM_ACTOR)) {
            actor.put("type", "scim");
        } else {
            actor.put("type", "user");
            actor.put("id", e.actor());
        }
        n.put("action", ev.action());
        ObjectNode resource = n.putObject("resource");
        resource.put("type", ev.resourceType());
        resource.put("id", ev.resourceId());
        if (ev.subjectType() == null) {
            n.putNull("subject");
        } else {
            ObjectNode subject = n.putObject("subject");
            subject.put("type", ev.subjectType());
            subject.put("id", ev.subjectId());
        }
        n.put("before", ev.before());
        n.put("after", ev.after());
        // Only where a grant's expiry is spoken of: the instant it stops counting (see AuditEvent).
        if (ev.expiresAt() != null) {
            n.put("expiresAt", ev.expiresAt().toString());
        }
        return n;
    }

    /** The entry's place, as the {@code after} parameter takes it: {@code revision.seq}. */
    public static String position(AuditEntry e) {
        return e.revision() + "." + e.seq();
    }

    public static String write(ObjectNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
