package dev.gatehouse.http;

import dev.gatehouse.model.Explanation;
import dev.gatehouse.model.Origin;
import static dev.gatehouse.http.Names.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.User;
import dev.gatehouse.service.PermissionService;
import java.io.IOException;
import java.util.List;

/**
 * The permission lists, explanations and checks. Every entry of every permission list is written one way
 * ({@link #startEntry}): {@code permission} first, then the user or the team it is about, then what that
 * list adds (an {@code origin}, whether the member is {@code disabled}).
 */
final class PermissionShapes {
    private final UserShapes users;
    private final TeamShapes teams;

    PermissionShapes(UserShapes users, TeamShapes teams) {
        this.users = users;
        this.teams = teams;
    }

    /** A direct user grant: {permission, user, expiresAt?}. */
    void writeUserGrant(JsonGenerator json, PermissionService.UserGrant grant) throws IOException {
        startEntry(json, grant.role(), grant.user());
        ExpiresAt.write(json, grant.expiresAt());
        json.writeEndObject();
    }

    /** A direct team grant: {permission, team, expiresAt?}. */
    void writeTeamGrant(JsonGenerator json, PermissionService.TeamGrant grant) throws IOException {
        startEntry(json, grant.role());
        json.writeFieldName(TEAM);
        teams.writeTeam(json, grant.team());
        ExpiresAt.write(json, grant.expiresAt());
        json.writeEndObject();
    }

    /** An aggregate entry: {permission, user, expiresAt?}. */
    void writeAggregateEntry(JsonGenerator json, PermissionService.AggregateEntry entry) throws IOException {
        startEntry(json, entry.role(), entry.user());
        ExpiresAt.write(json, entry.expiresAt());
        json.writeEndObject();
    }

    /** An explained aggregate entry: {permission, user, origin}, the origin being the step that decided. */
    void writeExplainedEntry(JsonGenerator json, PermissionService.ExplainedAggregateEntry entry) throws IOException {
        startEntry(json, entry.role(), entry.user());
        json.writeFieldName(ORIGIN);
        writeStep(json, entry.decidedBy());
        json.writeEndObject();
    }

    /** A site aggregate entry: {permission, user, origin, disabled}. */
    void writeSiteEntry(JsonGenerator json, PermissionService.SiteAggregateEntry entry) throws IOException {
        startEntry(json, entry.role(), entry.user());
        json.writeFieldName(ORIGIN);
        writeOrigin(json, entry.origin());
        Json.field(json, DISABLED, entry.disabled());
        ExpiresAt.write(json, entry.expiresAt());
        json.writeEndObject();
    }

    /** Why a user has the permission they have on a resource, level by level. */
    void writeExplanation(JsonGenerator json, String userId, ResourceRef r, Explanation e)
            throws IOException {
        writeExplanation(json, USER, userId, r, e);
    }

    /** Why a site share link has the permission it has on a resource: the one step that decides. */
    void writeShareLinkExplanation(JsonGenerator json, String shareLinkId, ResourceRef r, Explanation e)
            throws IOException {
        writeExplanation(json, SHARE_LINK, shareLinkId, r, e);
    }

    private static void writeExplanation(JsonGenerator json, SerializableString subject, String subjectId, ResourceRef r,
                                         Explanation e) throws IOException {
        json.writeStartObject();
        Json.field(json, OBJECT, "permission-explanation");
        Json.field(json, subject, subjectId);
        Json.startObject(json, RESOURCE);
        Json.field(json, TYPE, r.type().wire());
        Json.field(json, ID, r.id());
        json.writeEndObject();
        Json.field(json, PERMISSION, e.permission());
        Json.startArray(json, STEPS);
        for (Explanation.Step s : e.steps()) {
            writeStep(json, s);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** The answers of a check, in the order of its questions. */
    void writeAnswers(JsonGenerator json, List<PermissionService.Answer> answers) throws IOException {
        json.writeStartObject();
        Json.startArray(json, ITEMS);
        for (PermissionService.Answer a : answers) {
            json.writeStartObject();
            Json.field(json, PERMISSION, a.permission());
            Json.field(json, ALLOWED, a.allowed());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Opens an entry of a permission list with its permission: how every entry starts. */
    private static void startEntry(JsonGenerator json, Role permission) throws IOException {
        json.writeStartObject();
        Json.field(json, PERMISSION, permission);
    }

    private void startEntry(JsonGenerator json, Role permission, User user) throws IOException {
        startEntry(json, permission);
        json.writeFieldName(USER);
        users.writeUser(json, user);
    }

    /** One step of an explanation: the level, the rule that decided or passed, and what it gave. */
    private static void writeStep(JsonGenerator json, Explanation.Step s) throws IOException {
        json.writeStartObject();
        Json.field(json, LEVEL, s.level());
        Json.field(json, ID, s.id());
        Json.field(json, RULE, s.rule());
        Json.field(json, PERMISSION, s.role());
        Json.field(json, DECIDED, s.decided());
        if (s.teamId() != null) {
            Json.field(json, TEAM, s.teamId());
        }
        ExpiresAt.write(json, s.expiresAt());
        json.writeEndObject();
    }

    /** Where a site aggregate entry's permission comes from: the organization, the site's rules, or a space. */
    private static void writeOrigin(JsonGenerator json, Origin origin) throws IOException {
        json.writeStartObject();
        if (origin instanceof Origin.OrganizationOrigin org) {
            Json.field(json, TYPE, ORGANIZATION);
            Json.field(json, ORGANIZATION, org.orgId());
        } else if (origin instanceof Origin.SiteOrigin site) {
            Json.field(json, TYPE, SITE);
            Json.field(json, SITE, site.siteId());
            Json.field(json, REASON, site.reason());
            if (site.teamId() != null) {
                Json.field(json, TEAM, site.teamId());
            }
        } else if (origin instanceof Origin.SpaceOrigin space) {
            Json.field(json, TYPE, SPACE);
            Json.field(json, SPACE, space.spaceId());
        }
        json.writeEndObject();
    }
}
