package dev.gatehouse.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditEvent;
import dev.gatehouse.service.AuditEventId;
import dev.gatehouse.service.AuditJson;
import dev.gatehouse.service.Caller;

/**
 * An audit entry as GitBook's {@code AuditEvent} (in lists) and {@code AuditEventDetails} (read alone).
 *
 * <p>Every change reaches Gatehouse through its API, so {@code source} is always {@code api}. The
 * {@code target} is the entry's resource; what the change was about beyond it (the user or team of a grant
 * or membership, the roles before and after) is in the details' {@code payload}, in the audit log's words.
 * The entries of one write share its revision, which is their {@code correlationId}.
 */
final class AuditEventShapes {
    /** The version of {@code payload}'s fields. */
    private static final int SCHEMA_VERSION = 1;

    private final java.util.function.Supplier<String> url;

    /** @param url the base of the URLs, without a trailing slash (see {@link PublicUrl}) */
    AuditEventShapes(java.util.function.Supplier<String> url) {
        this.url = url;
    }

    ObjectNode event(AuditEntry e) {
        AuditEvent ev = e.event();
        String id = AuditEventId.of(e);
        ObjectNode o = Json.object();
        o.put("object", "audit-event");
        o.put("id", id);
        o.put("occurredAt", IsoTime.format(e.at()));
        o.put("action", ev.action());
        ObjectNode actor = o.putObject("actor");
        actor.put("type", e.actor().equals(Caller.SYSTEM_ACTOR) ? "system" : "user");
        actor.put("id", e.actor());
        o.put("source", "api");
        o.putObject("target").put("type", ev.resourceType()).put("id", ev.resourceId());
        o.putObject("urls").put("location", url.get() + "/v1/orgs/" + ev.orgId() + "/audit-events/" + id);
        return o;
    }

    ObjectNode details(AuditEntry e) {
        ObjectNode o = event(e);
        o.put("correlationId", Long.toString(e.revision()));
        o.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode full = AuditJson.entry(e);
        ObjectNode payload = o.putObject("payload");
        for (String field : new String[] {"position", "revision", "seq", "subject", "before", "after"}) {
            payload.set(field, full.get(field));
        }
        return o;
    }

    ObjectNode action(String id, String label) {
        return Json.object().put("object", "audit-event-action").put("id", id).put("label", label);
    }
}
