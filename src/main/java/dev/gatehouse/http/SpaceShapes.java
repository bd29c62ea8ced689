package dev.gatehouse.http;

import static dev.gatehouse.http.Names.*;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.Visibility;
import dev.gatehouse.service.ContentService;
import java.io.IOException;

/**
 * Spaces, as GitBook's {@code Space}: the {@code permissions} flags follow the caller's permission as the
 * permission model says; git sync and change requests, which Gatehouse does not have, carry their neutral
 * values.
 */
final class SpaceShapes {
    private final PublicUrl url;

    SpaceShapes(PublicUrl url) {
        this.url = url;
    }

    String location(Space s) {
        return url.to("/v1/spaces/" + s.id());
    }

    void writeSpace(JsonGenerator json, ContentService.ContentView<Space> seen) throws IOException {
        writeSpace(json, seen.value(), seen.role());
    }

    /** A space with the flags of the caller's role {@code r} (null: none, for a public space seen by anyone). */
    void writeSpace(JsonGenerator json, Space s, Role r) throws IOException {
        json.writeStartObject();
        Json.field(json, OBJECT, SPACE);
        Json.field(json, ID, s.id());
        Json.field(json, TITLE, s.title());
        Json.field(json, EMOJI, s.emoji() == null ? "" : s.emoji());
        Json.field(json, VISIBILITY, s.visibility().wire());
        Json.field(json, CREATED_AT, IsoTime.format(s.createdAt()));
        Json.field(json, UPDATED_AT, IsoTime.format(s.updatedAt()));
        if (s.deletedAt() != null) {
            Json.field(json, DELETED_AT, IsoTime.format(s.deletedAt()));
        }
        Json.field(json, EDIT_MODE, LIVE);
        Json.startObject(json, MERGE_RULES);
        Json.field(json, TYPE, INHERIT);
        json.writeEndObject();
        Json.startObject(json, URLS);
        Json.field(json, LOCATION, location(s));
        Json.field(json, APP, url.to("/app/spaces/" + s.id()));
        if (s.visibility() != Visibility.PRIVATE) {
            Json.field(json, PUBLISHED, url.to("/published/spaces/" + s.id()));
        }
        if (s.visibility() == Visibility.PUBLIC) {
            Json.field(json, PUBLIC, url.to("/public/spaces/" + s.id()));
        }
        json.writeEndObject();
        Json.field(json, ORGANIZATION, s.orgId());
        if (s.parentId() != null) {
            Json.field(json, PARENT, s.parentId());
        }
        // Gatehouse keeps no content: the revision names the space's last change of metadata.
        Json.field(json, REVISION, Long.toString(s.updatedAt().toEpochMilli()));
        Json.field(json, DEFAULT_LEVEL, s.defaultLevel().wire());
        Json.field(json, COMMENTS, 0);
        Json.field(json, CHANGE_REQUESTS, 0);
        Json.field(json, CHANGE_REQUESTS_OPEN, 0);
        Json.field(json, CHANGE_REQUESTS_DRAFT, 0);
        Json.startObject(json, PERMISSIONS);
        Json.field(json, VIEW, Role.covers(r, Role.READ) || (s.visibility() == Visibility.PUBLIC && !s.deleted()));
        Json.field(json, ACCESS, Role.covers(r, Role.READ));
        Json.field(json, ADMIN, r == Role.ADMIN);
        Json.field(json, VIEW_INVITE_LINKS, r == Role.ADMIN);
        Json.field(json, EDIT, Role.covers(r, Role.EDIT));
        Json.field(json, TRIGGER_GIT_SYNC, Role.covers(r, Role.EDIT));
        Json.field(json, COMMENT, Role.covers(r, Role.COMMENT));
        Json.field(json, MERGE, Role.covers(r, Role.REVIEW));
        Json.field(json, REVIEW, Role.covers(r, Role.REVIEW));
        Json.field(json, INSTALL_INTEGRATION, r == Role.ADMIN);
        json.writeEndObject();
        json.writeEndObject();
    }
}
