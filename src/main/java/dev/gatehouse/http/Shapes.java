package dev.gatehouse.http;

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

    ObjectNode user(User u) {
        ObjectNode o = Json.object();
        o.put("object", "user");
        o.put("id", u.id());
        o.put("displayName", u.displayName());
        if (u.email() != null) {
            o.put("email", u.email());
        }
        if (u.photoUrl() != null) {
            o.put("photoURL", u.photoUrl());
        }
        o.putObject("urls").put("location", base + "/v1/users/" + u.id());
        return o;
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

    ObjectNode space(Space s, Role r) {
        ObjectNode o = Json.object();
        o.put("object", "space");
        o.put("id", s.id());
        o.put("title", s.title());
        o.put("emoji", s.emoji() == null ? "" : s.emoji());
        o.put("visibility", s.visibility().wire());
        o.put("createdAt", time(s.createdAt()));
        o.put("updatedAt", time(s.updatedAt()));
        if (s.deletedAt() != null) {
            o.put("deletedAt", time(s.deletedAt()));
        }
        o.put("editMode", "live");
        o.putObject("mergeRules").put("type", "inherit");
        ObjectNode urls = o.putObject("urls");
        urls.put("location", base + "/v1/spaces/" + s.id());
        urls.put("app", base + "/app/spaces/" + s.id());
        if (s.visibility() != Visibility.PRIVATE) {
            urls.put("published", base + "/published/spaces/" + s.id());
        }
        if (s.visibility() == Visibility.PUBLIC) {
            urls.put("public", base + "/public/spaces/" + s.id());
        }
        o.put("organization", s.orgId());
        if (s.parentId() != null) {
            o.put("parent", s.parentId());
        }
        // Gatehouse keeps no content: the revision names the space's last change of metadata.
        o.put("revision", Long.toString(s.updatedAt().toEpochMilli()));
        putLevel(o, "defaultLevel", s.defaultLevel());
        o.put("comments", 0);
        o.put("changeRequests", 0);
        o.put("changeRequestsOpen", 0);
        o.put("changeRequestsDraft", 0);
        ObjectNode p = o.putObject("permissions");
        p.put("view", at(r, Role.READ) || (s.visibility() == Visibility.PUBLIC && !s.deleted()));
        p.put("access", at(r, Role.READ));
        p.put("admin", r == Role.ADMIN);
        p.put("viewInviteLinks", r == Role.ADMIN);
        p.put("edit", at(r, Role.EDIT));
        p.put("triggerGitSync", at(r, Role.EDIT));
        p.put("comment", at(r, Role.COMMENT));
        p.put("merge", at(r, Role.REVIEW));
        p.put("review", at(r, Role.REVIEW));
        p.put("installIntegration", r == Role.ADMIN);
        return o;
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
        return o;
    }

    static void putRole(ObjectNode o, String field, Role r) {
        if (r == null) {
            o.putNull(field);
        } else {
            o.put(field, r.wire());
        }
    }
}
