package dev.gatehouse.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.model.AccessRequest;
import dev.gatehouse.model.Role;
import dev.gatehouse.service.AccessRequestService;
import dev.gatehouse.service.Caller;
import java.io.IOException;

/** An access request, at the address of its resource's path ({@code base}, e.g. {@code /v1/spaces/S}). */
final class AccessRequestShapes {
    private final PublicUrl url;
    private final UserShapes users;

    AccessRequestShapes(PublicUrl url, UserShapes users) {
        this.url = url;
        this.users = users;
    }

    String location(String base, AccessRequest q) {
        return url.to(base + "/access-requests/" + q.id());
    }

    void writeRequest(JsonGenerator json, String base, AccessRequestService.View v) throws IOException {
        AccessRequest q = v.request();
        json.writeStartObject();
        json.writeStringField("object", "access-request");
        json.writeStringField("id", q.id());
        json.writeObjectFieldStart("resource");
        json.writeStringField("type", q.resource().type().wire());
        json.writeStringField("id", q.resource().id());
        json.writeEndObject();
        json.writeFieldName("user");
        users.writeUser(json, v.user());
        json.writeStringField("role", q.role().wire());
        json.writeStringField("status", q.status().wire());
        if (q.message() != null) {
            json.writeStringField("message", q.message());
        }
        if (q.reason() != null) {
            json.writeStringField("reason", q.reason());
        }
        json.writeStringField("createdAt", IsoTime.format(q.createdAt()));
        if (q.decidedAt() != null) {
            json.writeStringField("decidedAt", IsoTime.format(q.decidedAt()));
            json.writeObjectFieldStart("decidedBy");
            json.writeStringField("type", Caller.SYSTEM_ACTOR.equals(q.decidedBy()) ? "system" : "user");
            json.writeStringField("id", q.decidedBy());
            json.writeEndObject();
        }
        if (q.expiresAt() != null) {
            json.writeStringField("expiresAt", IsoTime.format(q.expiresAt()));
        }
        json.writeObjectFieldStart("urls");
        json.writeStringField("location", location(base, q));
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A request for what the person already has: nothing was written. */
    static void writeRedundant(JsonGenerator json, Role permission) throws IOException {
        json.writeStartObject();
        json.writeStringField("object", "access-request");
        json.writeBooleanField("redundant", true);
        json.writeFieldName("permission");
        if (permission == null) {
            json.writeNull();
        } else {
            json.writeString(permission.wire());
        }
        json.writeEndObject();
    }
}
