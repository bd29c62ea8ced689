package dev.gatehouse.http;

import static dev.gatehouse.http.Names.*;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.Role;
import dev.gatehouse.service.PageService;
import java.io.IOException;

/** Pages of a space (a Gatehouse addition), with their depth and the flags of the caller's permission. */
final class PageShapes {
    private final PublicUrl url;

    PageShapes(PublicUrl url) {
        this.url = url;
    }

    String location(Page p) {
        return url.to("/v1/spaces/" + p.spaceId() + "/pages/" + p.id());
    }

    void writePage(JsonGenerator json, PageService.PageView v) throws IOException {
        Page p = v.page();
        Role r = v.role();
        json.writeStartObject();
        Json.field(json, OBJECT, PAGE);
        Json.field(json, ID, p.id());
        Json.field(json, SPACE, p.spaceId());
        if (p.parentId() != null) {
            Json.field(json, PARENT, p.parentId());
        }
        Json.field(json, TITLE, p.title());
        Json.field(json, DEFAULT_LEVEL, p.defaultLevel().wire());
        Json.field(json, POSITION, p.position());
        Json.field(json, DEPTH, v.depth());
        Json.field(json, CREATED_AT, IsoTime.format(p.createdAt()));
        Json.startObject(json, URLS);
        Json.field(json, LOCATION, location(p));
        json.writeEndObject();
        Json.startObject(json, PERMISSIONS);
        Json.field(json, VIEW, Role.covers(r, Role.READ));
        Json.field(json, COMMENT, Role.covers(r, Role.COMMENT));
        Json.field(json, EDIT, Role.covers(r, Role.EDIT));
        Json.field(json, ADMIN, r == Role.ADMIN);
        json.writeEndObject();
        json.writeEndObject();
    }
}
