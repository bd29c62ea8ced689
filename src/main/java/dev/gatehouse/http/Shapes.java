package dev.gatehouse.http;

import static dev.gatehouse.http.Names.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.Permissions;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Organization;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.model.User;
import dev.gatehouse.model.Visibility;
import dev.gatehouse.service.OrganizationService;
import dev.gatehouse.service.TeamService;
import java.io.IOException;
import java.time.Instant;

/**
 * The JSON shapes of GitBook's API (its published OpenAPI schemas): every required field present, enums
 * respected, the {@code permissions} flags derived from the caller's effective permission as the
 * permission model says. Fields that describe GitBook features Gatehouse does not have (billing, git
 * sync, change requests) carry their neutral values.
 */
final class Shapes {
    private final String base;

    Shapes(String publicUrl) {
        this.base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    private static boolean at(Role r, Role need) {
        return Role.covers(r, need);
    }

    private static void putLevel(ObjectNode o, String field, DefaultLevel level) {
        String wire = level.wire();
        if (wire == null) {
            o.putNull(field);
        } else {
            o.put(field, wire);
        }
    }

    private static String time(Instant t) {
        return IsoTime.format(t);
    }

    /** A user: the items of user lists and the {@code user} of their lines. */
    void writeUser(JsonGenerator g, User u) throws IOException {
        g.writeStartObject();
        Json.field(g, OBJECT, USER);
        Json.field(g, ID, u.id());
        Json.field(g, DISPLAY_NAME, u.displayName());
        if (u.email() != null) {
            Json.field(g, EMAIL, u.email());
        }
        if (u.photoUrl() != null) {
            Json.field(g, PHOTO_URL, u.photoUrl());
        }
        g.writeFieldName(URLS);
        g.writeStartObject();
        Json.field(g, LOCATION, base + "/v1/users/" + u.id());
        g.writeEndObject();
        g.writeEndObject();
    }

    ObjectNode user(User u) {
        return Json.tree(this::writeUser, u);
    }

    ObjectNode organization(OrganizationService.Seen seen) {
        Organization org = seen.organization();
        Role r = seen.caller().role();
        boolean admin = r == Role.ADMIN;
        ObjectNode o = Json.object();
        o.put("object", "organization");
        o.put("id", org.id());
        o.put("title", org.title());
        o.put("createdAt", time(org.createdAt()));
        o.putArray("emailDomains");
        o.put("type", "business");
        if (org.defaultRole() == null) {
            o.putNull("defaultRole");
        } else {
            o.put("defaultRole", org.defaultRole().wire());
        }
        o.put("inviteLinks", false);
        o.put("plan", "free");
        o.putObject("mergeRules").put("type", "none");
        ObjectNode urls = o.putObject("urls");
        urls.put("location", base + "/v1/orgs/" + org.id());
        urls.put("app", base + "/app/orgs/" + org.id());
        ObjectNode trial = o.putObject("trial");
        trial.put("status", "notapplicable");
        trial.put("count", 0);
        ObjectNode p = o.putObject("permissions");
        p.put("view", true);
        p.put("access", true);
        p.put("admin", admin);
        p.put("ownTeam", seen.ownsTeam());
        p.put("createContent", at(r, Role.CREATE));
        p.put("createOpenAPISpec", at(r, Role.CREATE));
        p.put("viewBilling", admin);
        p.put("listMembers", r != null);
        p.put("listTeams", r != null);
        p.put("listIntegrations", r != null);
        p.put("listInstallations", admin);
        p.put("installIntegration", admin);
        return o;
    }

    /** A member, with the counts GitBook shows: direct space and site grants, and teams in the organization. */
    ObjectNode member(Member m, User u, int spaces, int teams, int sites) {
        ObjectNode o = Json.object();
        o.put("object", "member");
        o.put("id", m.userId());
        if (m.role() == null) {
            o.putNull("role");
        } else {
            o.put("role", m.role().wire());
        }
        o.set("user", user(u));
        o.put("disabled", m.disabled());
        o.put("joinedAt", time(m.joinedAt()));
        o.put("sso", false);
        o.put("spaces", spaces);
        o.put("teams", teams);
        o.put("sites", sites);
        return o;
    }

    ObjectNode team(TeamService.TeamView t) {
        ObjectNode o = Json.object();
        o.put("object", "team");
        o.put("id", t.team().id());
        o.put("title", t.team().title());
        o.put("members", t.members());
        o.put("spaces", t.spaces());
        o.put("createdAt", time(t.team().createdAt()));
        ObjectNode p = o.putObject("permissions");
        p.put("admin", t.callerAdmin());
        p.put("view", true);
        return o;
    }

    ObjectNode teamMember(TeamMembership tm) {
        ObjectNode o = Json.object();
        o.put("role", tm.role().wire());
        return o;
    }

    ObjectNode collection(Collection c, Role r) {
        ObjectNode o = Json.object();
        o.put("object", "collection");
        o.put("id", c.id());
        o.put("title", c.title());
        if (c.description() != null) {
            o.put("description", c.description());
        }
        o.put("organization", c.orgId());
        if (c.parentId() != null) {
            o.put("parent", c.parentId());
        }
        putLevel(o, "defaultLevel", c.defaultLevel());
        ObjectNode urls = o.putObject("urls");
        urls.put("location", base + "/v1/collections/" + c.id());
        urls.put("app", base + "/app/collections/" + c.id());
        ObjectNode p = o.putObject("permissions");
        p.put("view", at(r, Role.READ));
        p.put("admin", r == Role.ADMIN);
        p.put("viewInviteLinks", r == Role.ADMIN);
        p.put("create", at(r, Role.CREATE));
        return o;
    }

    /** A space with the flags of the caller's role {@code r}: the items of space lists, most of all. */
    void writeSpace(JsonGenerator g, Space s, Role r) throws IOException {
        g.writeStartObject();
        Json.field(g, OBJECT, SPACE);
        Json.field(g, ID, s.id());
        Json.field(g, TITLE, s.title());
        Json.field(g, EMOJI, s.emoji() == null ? "" : s.emoji());
        Json.field(g, VISIBILITY, s.visibility().wire());
        Json.field(g, CREATED_AT, time(s.createdAt()));
        Json.field(g, UPDATED_AT, time(s.updatedAt()));
        if (s.deletedAt() != null) {
            Json.field(g, DELETED_AT, time(s.deletedAt()));
        }
        Json.field(g, EDIT_MODE, LIVE);
        g.writeFieldName(MERGE_RULES);
        g.writeStartObject();
        Json.field(g, TYPE, INHERIT);
        g.writeEndObject();
        g.writeFieldName(URLS);
        g.writeStartObject();
        Json.field(g, LOCATION, base + "/v1/spaces/" + s.id());
        Json.field(g, APP, base + "/app/spaces/" + s.id());
        if (s.visibility() != Visibility.PRIVATE) {
            Json.field(g, PUBLISHED, base + "/published/spaces/" + s.id());
        }
        if (s.visibility() == Visibility.PUBLIC) {
            Json.field(g, PUBLIC, base + "/public/spaces/" + s.id());
        }
        g.writeEndObject();
        Json.field(g, ORGANIZATION, s.orgId());
        if (s.parentId() != null) {
            Json.field(g, PARENT, s.parentId());
        }
        // Gatehouse keeps no content: the revision names the space's last change of metadata.
        Json.field(g, REVISION, Long.toString(s.updatedAt().toEpochMilli()));
        Json.field(g, DEFAULT_LEVEL, s.defaultLevel().wire());
        Json.field(g, COMMENTS, 0);
        Json.field(g, CHANGE_REQUESTS, 0);
        Json.field(g, CHANGE_REQUESTS_OPEN, 0);
        Json.field(g, CHANGE_REQUESTS_DRAFT, 0);
        g.writeFieldName(PERMISSIONS);
        g.writeStartObject();
        Json.field(g, VIEW, at(r, Role.READ) || (s.visibility() == Visibility.PUBLIC && !s.deleted()));
        Json.field(g, ACCESS, at(r, Role.READ));
        Json.field(g, ADMIN, r == Role.ADMIN);
        Json.field(g, VIEW_INVITE_LINKS, r == Role.ADMIN);
        Json.field(g, EDIT, at(r, Role.EDIT));
        Json.field(g, TRIGGER_GIT_SYNC, at(r, Role.EDIT));
        Json.field(g, COMMENT, at(r, Role.COMMENT));
        Json.field(g, MERGE, at(r, Role.REVIEW));
        Json.field(g, REVIEW, at(r, Role.REVIEW));
        Json.field(g, INSTALL_INTEGRATION, r == Role.ADMIN);
        g.writeEndObject();
        g.writeEndObject();
    }

    ObjectNode space(Space s, Role r) {
        return Json.tree((g, v) -> writeSpace(g, v, r), s);
    }

    ObjectNode site(Site s, Role r, int siteSpaces) {
        ObjectNode o = Json.object();
        o.put("object", "site");
        o.put("id", s.id());
        o.put("type", SITE_TYPE);
        o.put("appliedType", SITE_TYPE);
        o.put("title", s.title());
        o.put("visibility", s.visibility().wire());
        putLevel(o, "defaultLevel", s.defaultLevel());
        ObjectNode p = o.putObject("permissions");
        p.put("view", at(r, Role.READ));
        p.put("access", at(r, Role.READ));
        p.put("edit", at(r, Role.EDIT));
        p.put("create", at(r, Role.CREATE));
        p.put("admin", r == Role.ADMIN);
        p.put("installIntegration", r == Role.ADMIN);
        p.put("viewAdaptiveSchema", at(r, Role.READ));
        p.put("editAdaptiveSchema", r == Role.ADMIN);
        o.put("published", s.published());
        o.put("siteSpaces", siteSpaces);
        o.put("createdAt", time(s.createdAt()));
        o.putArray("features");
        ObjectNode urls = o.putObject("urls");
        urls.put("location", base + "/v1/orgs/" + s.orgId() + "/sites/" + s.id());
        urls.put("app", base + "/app/sites/" + s.id());
        urls.put("preview", base + "/preview/sites/" + s.id());
        if (s.published()) {
            urls.put("published", base + "/published/sites/" + s.id());
        }
        return o;
    }

    String siteSpaceLocation(SiteSpace ss, String orgId) {
        return base + "/v1/orgs/" + orgId + "/sites/" + ss.siteId() + "/site-spaces/" + ss.id();
    }

    /** Gatehouse has one kind of site; GitBook's plans do not apply. */
    static final String SITE_TYPE = "ultimate";

    ObjectNode siteSpace(SiteSpace ss, Space space, Role r, boolean isDefault) {
        ObjectNode o = Json.object();
        o.put("object", "site-space");
        o.put("id", ss.id());
        o.put("path", ss.path());
        o.set("space", space(space, r));
        o.put("title", space.title());
        o.put("default", isDefault);
        o.put("draft", false);
        o.putObject("urls");
        return o;
    }

    ObjectNode origin(Permissions.Origin origin) {
        ObjectNode o = Json.object();
        if (origin instanceof Permissions.Origin.OrganizationOrigin org) {
            o.put("type", "organization");
            o.put("organization", org.orgId());
        } else if (origin instanceof Permissions.Origin.SiteOrigin site) {
            o.put("type", "site");
            o.put("site", site.siteId());
            o.put("reason", site.reason());
            if (site.teamId() != null) {
                o.put("team", site.teamId());
            }
        } else if (origin instanceof Permissions.Origin.SpaceOrigin space) {
            o.put("type", "space");
            o.put("space", space.spaceId());
        }
        return o;
    }

    ObjectNode page(dev.gatehouse.model.Page p, Role r, int depth) {
        ObjectNode o = Json.object();
        o.put("object", "page");
        o.put("id", p.id());
        o.put("space", p.spaceId());
        if (p.parentId() != null) {
            o.put("parent", p.parentId());
        }
        o.put("title", p.title());
        putLevel(o, "defaultLevel", p.defaultLevel());
        o.put("position", p.position());
        o.put("depth", depth);
        o.put("createdAt", time(p.createdAt()));
        o.putObject("urls").put("location", base + "/v1/spaces/" + p.spaceId() + "/pages/" + p.id());
        ObjectNode f = o.putObject("permissions");
        f.put("view", at(r, Role.READ));
        f.put("comment", at(r, Role.COMMENT));
        f.put("edit", at(r, Role.EDIT));
        f.put("admin", r == Role.ADMIN);
        return o;
    }

    /** One step of an explanation: the level, the rule that decided or passed, and what it gave. */
    ObjectNode step(Permissions.Step s) {
        ObjectNode o = Json.object();
        o.put("level", s.level());
        o.put("id", s.id());
        o.put("rule", s.rule());
        putRole(o, "permission", s.role());
        o.put("decided", s.decided());
        if (s.teamId() != null) {
            o.put("team", s.teamId());
        }
        ExpiresAt.put(o, s.expiresAt());
        return o;
    }

    /** A role as written: its name, or null for none. */
    static String wire(Role r) {
        return r == null ? null : r.wire();
    }

    static void putRole(ObjectNode o, String field, Role r) {
        if (r == null) {
            o.putNull(field);
        } else {
            o.put(field, r.wire());
        }
    }
}
