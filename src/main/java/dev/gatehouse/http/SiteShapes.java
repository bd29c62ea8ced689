package dev.gatehouse.http;

import static dev.gatehouse.http.Names.*;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import dev.gatehouse.service.SiteService;
import java.io.IOException;

/** Sites, as GitBook's {@code Site}, and the spaces they publish ({@code SiteSpace}). */
final class SiteShapes {
    /** Gatehouse has one kind of site; GitBook's plans do not apply. */
    static final String SITE_TYPE = "ultimate";

    private final PublicUrl url;
    private final SpaceShapes spaces;

    SiteShapes(PublicUrl url, SpaceShapes spaces) {
        this.url = url;
        this.spaces = spaces;
    }

    String location(Site s) {
        return url.to("/v1/orgs/" + s.orgId() + "/sites/" + s.id());
    }

    String location(SiteSpace ss, String orgId) {
        return url.to("/v1/orgs/" + orgId + "/sites/" + ss.siteId() + "/site-spaces/" + ss.id());
    }

    void writeSite(JsonGenerator json, SiteService.SiteView seen) throws IOException {
        Site s = seen.site();
        Role r = seen.role();
        json.writeStartObject();
        Json.field(json, OBJECT, SITE);
        Json.field(json, ID, s.id());
        Json.field(json, TYPE, SITE_TYPE);
        Json.field(json, APPLIED_TYPE, SITE_TYPE);
        Json.field(json, TITLE, s.title());
        Json.field(json, VISIBILITY, s.visibility().wire());
        Json.field(json, DEFAULT_LEVEL, s.defaultLevel().wire());
        Json.startObject(json, PERMISSIONS);
        Json.field(json, VIEW, Role.covers(r, Role.READ));
        Json.field(json, ACCESS, Role.covers(r, Role.READ));
        Json.field(json, EDIT, Role.covers(r, Role.EDIT));
        Json.field(json, CREATE, Role.covers(r, Role.CREATE));
        Json.field(json, ADMIN, r == Role.ADMIN);
        Json.field(json, INSTALL_INTEGRATION, r == Role.ADMIN);
        Json.field(json, VIEW_ADAPTIVE_SCHEMA, Role.covers(r, Role.READ));
        Json.field(json, EDIT_ADAPTIVE_SCHEMA, r == Role.ADMIN);
        json.writeEndObject();
        Json.field(json, PUBLISHED, s.published());
        Json.field(json, SITE_SPACES, seen.siteSpaces());
        Json.field(json, CREATED_AT, IsoTime.format(s.createdAt()));
        Json.startArray(json, FEATURES);
        json.writeEndArray();
        Json.startObject(json, URLS);
        Json.field(json, LOCATION, location(s));
        Json.field(json, APP, url.to("/app/sites/" + s.id()));
        Json.field(json, PREVIEW, url.to("/preview/sites/" + s.id()));
        if (s.published()) {
            Json.field(json, PUBLISHED, url.to("/published/sites/" + s.id()));
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A published space: the site-space, with its space and the flags of the caller's permission on it. */
    void writeSiteSpace(JsonGenerator json, SiteService.SiteSpaceView v) throws IOException {
        SiteSpace ss = v.siteSpace();
        json.writeStartObject();
        Json.field(json, OBJECT, "site-space");
        Json.field(json, ID, ss.id());
        Json.field(json, PATH, ss.path());
        json.writeFieldName(SPACE);
        spaces.writeSpace(json, v.space(), v.role());
        Json.field(json, TITLE, v.space().title());
        Json.field(json, DEFAULT, v.isDefault());
        Json.field(json, DRAFT, false);
        Json.startObject(json, URLS);
        json.writeEndObject();
        json.writeEndObject();
    }
}
