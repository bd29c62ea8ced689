package dev.gatehouse.http;

import static dev.gatehouse.http.Names.*;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.model.Organization;
import dev.gatehouse.model.Role;
import dev.gatehouse.service.OrganizationService;
import java.io.IOException;

/**
 * Organizations, as GitBook's {@code Organization}: the {@code permissions} flags follow the caller's
 * membership; billing, trials and integrations, which Gatehouse does not have, carry their neutral values.
 */
final class OrganizationShapes {
    private final PublicUrl url;

    OrganizationShapes(PublicUrl url) {
        this.url = url;
    }

    String location(Organization org) {
        return url.to("/v1/orgs/" + org.id());
    }

    void writeOrganization(JsonGenerator json, OrganizationService.OrganizationView seen) throws IOException {
        Organization org = seen.organization();
        Role r = seen.caller().role();
        boolean admin = r == Role.ADMIN;
        json.writeStartObject();
        Json.field(json, OBJECT, ORGANIZATION);
        Json.field(json, ID, org.id());
        Json.field(json, TITLE, org.title());
        Json.field(json, CREATED_AT, IsoTime.format(org.createdAt()));
        Json.startArray(json, EMAIL_DOMAINS);
        for (String domain : org.emailDomains()) {
            json.writeString(domain);
        }
        json.writeEndArray();
        Json.field(json, TYPE, "business");
        Json.field(json, DEFAULT_ROLE, org.defaultRole());
        Json.field(json, INVITE_LINKS, true);
        Json.field(json, PLAN, "free");
        Json.startObject(json, MERGE_RULES);
        Json.field(json, TYPE, "none");
        json.writeEndObject();
        Json.startObject(json, URLS);
        Json.field(json, LOCATION, location(org));
        Json.field(json, APP, url.to("/app/orgs/" + org.id()));
        json.writeEndObject();
        Json.startObject(json, TRIAL);
        Json.field(json, STATUS, "notapplicable");
        Json.field(json, COUNT, 0);
        json.writeEndObject();
        Json.startObject(json, PERMISSIONS);
        Json.field(json, VIEW, true);
        Json.field(json, ACCESS, true);
        Json.field(json, ADMIN, admin);
        Json.field(json, OWN_TEAM, seen.ownsTeam());
        Json.field(json, CREATE_CONTENT, Role.covers(r, Role.CREATE));
        Json.field(json, CREATE_OPENAPI_SPEC, Role.covers(r, Role.CREATE));
        Json.field(json, VIEW_BILLING, admin);
        Json.field(json, LIST_MEMBERS, r != null);
        Json.field(json, LIST_TEAMS, r != null);
        Json.field(json, LIST_INTEGRATIONS, r != null);
        Json.field(json, LIST_INSTALLATIONS, admin);
        Json.field(json, INSTALL_INTEGRATION, admin);
        json.writeEndObject();
        json.writeEndObject();
    }
}
