package dev.gatehouse.http;

import static dev.gatehouse.http.Names.*;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.Role;
import dev.gatehouse.service.ContentService;
import java.io.IOException;

/** Collections, as GitBook's {@code Collection}, with the flags of the caller's permission on each. */
final class CollectionShapes {
    private final PublicUrl url;

    CollectionShapes(PublicUrl url) {
        this.url = url;
    }

    String location(Collection c) {
        return url.to("/v1/collections/" + c.id());
    }

    void writeCollection(JsonGenerator json, ContentService.ContentView<Collection> seen) throws IOException {
        Collection c = seen.value();
        Role r = seen.role();
        json.writeStartObject();
        Json.field(json, OBJECT, COLLECTION);
        Json.field(json, ID, c.id());
        Json.field(json, TITLE, c.title());
        if (c.description() != null) {
            Json.field(json, DESCRIPTION, c.description());
        }
        Json.field(json, ORGANIZATION, c.orgId());
        if (c.parentId() != null) {
            Json.field(json, PARENT, c.parentId());
        }
        Json.field(json, DEFAULT_LEVEL, c.defaultLevel().wire());
        Json.startObject(json, URLS);
        Json.field(json, LOCATION, location(c));
        Json.field(json, APP, url.to("/app/collections/" + c.id()));
        json.writeEndObject();
        Json.startObject(json, PERMISSIONS);
        Json.field(json, VIEW, Role.covers(r, Role.READ));
        Json.field(json, ADMIN, r == Role.ADMIN);
        Json.field(json, VIEW_INVITE_LINKS, r == Role.ADMIN);
        Json.field(json, CREATE, Role.covers(r, Role.CREATE));
        json.writeEndObject();
        json.writeEndObject();
    }
}
