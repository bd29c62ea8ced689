package dev.gatehouse.http;

import static dev.gatehouse.http.Names.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditEvent;
import dev.gatehouse.service.AuditEventId;
import dev.gatehouse.service.AuditJson;
import dev.gatehouse.service.Caller;
import java.io.IOException;
import java.util.Map;

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
    private static final int SCHEMA_VERSION_1 = 1;
    /** The fields of the audit log's entry that {@code payload} carries (null when an entry has none). */
    private static final SerializableString[] PAYLOAD_FIELDS = {POSITION, REVISION, SEQ, SUBJECT, BEFORE, AFTER, EXPIRES_AT};

    private final PublicUrl url;

    AuditEventShapes(PublicUrl url) {
        this.url = url;
    }

    void writeEvent(JsonGenerator json, AuditEntry e) throws IOException {
        json.writeStartObject();
        writeEventFields(json, e);
        json.writeEndObject();
    }

    void writeDetails(JsonGenerator json, AuditEntry e) throws IOException {
        json.writeStartObject();
        writeEventFields(json, e);
        Json.field(json, CORRELATION_ID, Long.toString(e.revision()));
        Json.field(json, SCHEMA_VERSION, SCHEMA_VERSION_1);
        ObjectNode full = AuditJson.entry(e);
        Json.startObject(json, PAYLOAD);
        for (SerializableString field : PAYLOAD_FIELDS) {
            JsonNode value = full.get(field.getValue());
            json.writeFieldName(field);
            if (value == null) {
                json.writeNull();
            } else {
                json.writeTree(value);
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The actions an organization's events may name, by id, with their labels. */
    void writeActions(JsonGenerator json, Map<String, String> actions) throws IOException {
        json.writeStartObject();
        Json.startArray(json, ITEMS);
        for (Map.Entry<String, String> a : actions.entrySet()) {
            json.writeStartObject();
            Json.field(json, OBJECT, "audit-event-action");
            Json.field(json, ID, a.getKey());
            Json.field(json, LABEL, a.getValue());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void writeEventFields(JsonGenerator json, AuditEntry e) throws IOException {
        AuditEvent ev = e.event();
        String id = AuditEventId.of(e);
        Json.field(json, OBJECT, "audit-event");
        Json.field(json, ID, id);
        Json.field(json, OCCURRED_AT, IsoTime.format(e.at()));
        Json.field(json, ACTION, ev.action());
        Json.startObject(json, ACTOR);
        // GitBook's actor is a user or the system; changes over SCIM are the system's, named 'scim'.
        boolean system = e.actor().equals(Caller.SYSTEM_ACTOR) || e.actor().equals(Caller.SCIM_ACTOR);
        Json.field(json, TYPE, system ? "system" : "user");
        Json.field(json, ID, e.actor());
        json.writeEndObject();
        Json.field(json, SOURCE, "api");
        Json.startObject(json, TARGET);
        Json.field(json, TYPE, ev.resourceType());
        Json.field(json, ID, ev.resourceId());
        json.writeEndObject();
        Json.startObject(json, URLS);
        Json.field(json, LOCATION, url.to("/v1/orgs/" + ev.orgId() + "/audit-events/" + id));
        json.writeEndObject();
    }
}
