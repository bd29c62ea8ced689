package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.model.Role;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.MemberView;
import dev.gatehouse.service.OrganizationService;
import dev.gatehouse.service.SpaceKeys;
import dev.gatehouse.service.Written;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** /v1/orgs/{orgId}/members and /v1/orgs/{orgId}/invites: who belongs to an organization. */
final class MemberRoutes {
    private final OrganizationService orgs;
    private final MemberShapes shapes;
    private final TeamShapes teams;
    private final Http http;

    MemberRoutes(OrganizationService orgs, MemberShapes shapes, TeamShapes teams, Http http) {
        this.orgs = orgs;
        this.shapes = shapes;
        this.teams = teams;
        this.http = http;
    }

    void register(RoutesConfig r) {
        r.get("/v1/orgs/{orgId}/members", ctx -> {
            String sort = ctx.queryParam("sort");
            if (sort != null && !sort.equals("joinedAt") && !sort.equals("name")) {
                throw ApiException.badRequest("'sort' supports joinedAt and name (Gatehouse does not track last-seen times)");
            }
            String role = ctx.queryParam("role");
            boolean guests = "guest".equals(role);
            Role exact = role == null || guests ? null : Http.roleParam(role);
            var q = new OrganizationService.MemberQuery(exact, guests, ctx.queryParam("search"), Http.descending(ctx),
                    "name".equals(sort));
            http.list(ctx, orgs.members(Http.caller(ctx), Http.id(ctx, "orgId"), q, http.after(ctx), Http.limit(ctx)),
                    shapes::writeMember);
        });
        r.get("/v1/orgs/{orgId}/members/{userId}", ctx -> Http.json(ctx, 200, shapes::writeMember,
                orgs.member(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "userId"))));
        r.patch("/v1/orgs/{orgId}/members/{userId}", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            Written<MemberView> w = orgs.updateMember(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "userId"),
                    b.has("role") ? b.roleOrNull("role") : null, b.has("role"), b.bool("disabled"));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes::writeMember, w.value());
        });
        r.delete("/v1/orgs/{orgId}/members/{userId}", ctx -> Http.deleted(ctx,
                orgs.removeMember(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "userId"))));
        r.get("/v1/orgs/{orgId}/members/{userId}/spaces", ctx -> {
            String after = http.after(ctx);
            http.list(ctx, orgs.memberSpaces(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "userId"),
                    Http.descending(ctx), after == null ? null : SpaceKeys.parse(after), Http.limit(ctx)),
                    shapes::writeMemberSpace);
        });
        r.get("/v1/orgs/{orgId}/members/{userId}/teams", ctx -> http.list(ctx,
                orgs.memberTeams(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "userId"),
                        ctx.queryParam("title"), http.after(ctx), Http.limit(ctx)), teams::writeMemberTeam));
        r.post("/v1/orgs/{orgId}/invites", this::invite);
        r.post("/v1/orgs/{orgId}/members/{userId}/sso", ctx -> {
            var w = orgs.setSso(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "userId"));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes::writeMember, w.value());
        });
    }

    private void invite(Context ctx) {
        Body b = Body.parse(ctx.bodyAsBytes());
        JsonNode emails = b.raw("emails");
        if (emails == null || !emails.isArray()) {
            throw ApiException.badRequest("'emails' is required: an array of emails or {email, role} objects");
        }
        List<OrganizationService.Invite> invites = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            JsonNode e = emails.get(i);
            if (e.isTextual()) {
                invites.add(new OrganizationService.Invite(e.asText(), null, false));
            } else if (e.isObject() && e.path("email").isTextual() && e.has("role")) {
                JsonNode role = e.get("role");
                if (!role.isNull() && !(role.isTextual() && Role.isRole(role.asText()))) {
                    throw ApiException.badRequest("'emails[" + i + "].role' must be one of " + Role.names() + " or null");
                }
                invites.add(new OrganizationService.Invite(e.get("email").asText(),
                        role.isNull() ? null : Role.parse(role.asText()), true));
            } else {
                throw ApiException.badRequest("'emails[" + i + "]' must be an email or an object {email, role}");
            }
        }
        Written<OrganizationService.InviteResult> w = orgs.invite(Http.caller(ctx), Http.id(ctx, "orgId"), invites,
                b.has("role") ? b.roleOrNull("role") : null, b.has("role"));
        Http.revision(ctx, w);
        Http.json(ctx, 200, shapes::writeInvited, w.value());
    }
}
