package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** Organizations, members and invites. */
final class OrganizationRoutes {
    private final OrganizationService orgs;
    private final Shapes shapes;
    private final Http http;

    OrganizationRoutes(OrganizationService orgs, Shapes shapes, Http http) {
        this.orgs = orgs;
        this.shapes = shapes;
        this.http = http;
    }

    void register(RoutesConfig r) {
        r.get("/v1/orgs", ctx -> http.list(ctx, orgs.list(Http.caller(ctx), http.after(ctx), Http.limit(ctx)),
                o -> shapes.organization(orgs.get(Http.caller(ctx), o.id()))));
        r.post("/v1/orgs", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            Role defaultRole = b.has("defaultRole") ? b.roleOrNull("defaultRole") : Role.READ;
            var w = orgs.create(Http.caller(ctx), b.requiredString("title"), defaultRole, b.requiredString("admin"));
            Http.revision(ctx, w);
            Http.created(ctx, shapes.organization(orgs.get(Http.caller(ctx), w.value().id())));
        });
        r.get("/v1/orgs/{orgId}", ctx ->
                Http.json(ctx, 200, shapes.organization(orgs.get(Http.caller(ctx), Http.id(ctx, "orgId")))));
        r.patch("/v1/orgs/{orgId}", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            if (!b.has("title") && !b.has("defaultRole") && !b.has("emailDomains")) {
                throw ApiException.badRequest("give 'title', 'defaultRole' and/or 'emailDomains'");
            }
            var w = orgs.update(Http.caller(ctx), Http.id(ctx, "orgId"), b.string("title"),
                    b.has("defaultRole") ? b.roleOrNull("defaultRole") : null, b.has("defaultRole"),
                    b.has("emailDomains") ? b.strings("emailDomains") : null);
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes.organization(w.value()));
        });

        r.get("/v1/orgs/{orgId}/members", ctx -> {
            String sort = ctx.queryParam("sort");
            if (sort != null && !sort.equals("joinedAt") && !sort.equals("name")) {
                throw ApiException.badRequest("'sort' supports joinedAt and name (Gatehouse does not track last-seen times)");
            }
            String role = ctx.queryParam("role");
            boolean guests = "guest".equals(role);
            Role exact = role == null || guests ? null : roleParam(role);
            var q = new OrganizationService.MemberQuery(exact, guests, ctx.queryParam("search"), Http.descending(ctx),
                    "name".equals(sort));
            http.list(ctx, orgs.members(Http.caller(ctx), Http.id(ctx, "orgId"), q, http.after(ctx), Http.limit(ctx)),
                    this::member);
        });
        r.get("/v1/orgs/{orgId}/members/{userId}", ctx -> Http.json(ctx, 200,
                member(orgs.member(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "userId")))));
        r.patch("/v1/orgs/{orgId}/members/{userId}", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            Written<MemberView> w = orgs.updateMember(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "userId"),
                    b.has("role") ? b.roleOrNull("role") : null, b.has("role"), b.bool("disabled"));
            Http.revision(ctx, w);
            Http.json(ctx, 200, member(w.value()));
        });
        r.delete("/v1/orgs/{orgId}/members/{userId}", ctx -> Http.deleted(ctx,
                orgs.removeMember(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "userId"))));
        r.get("/v1/orgs/{orgId}/members/{userId}/spaces", ctx -> {
            String after = http.after(ctx);
            http.list(ctx, orgs.memberSpaces(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "userId"),
                    Http.descending(ctx), after == null ? null : SpaceKeys.parse(after), Http.limit(ctx)), (g, sa) -> {
                        g.writeStartObject();
                        Json.field(g, Names.PERMISSION, sa.memberRole().wire());
                        g.writeFieldName(Names.SPACE);
                        shapes.writeSpace(g, sa.space(), sa.callerRole());
                        g.writeEndObject();
                    });
        });
        r.get("/v1/orgs/{orgId}/members/{userId}/teams", ctx -> http.list(ctx,
                orgs.memberTeams(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "userId"),
                        ctx.queryParam("title"), http.after(ctx), Http.limit(ctx)), p -> {
                    ObjectNode o = Json.object();
                    o.set("team", shapes.team(p.team()));
                    o.set("member", shapes.teamMember(p.membership()));
                    return o;
                }));
        r.post("/v1/orgs/{orgId}/invites", this::invite);
        r.post("/v1/orgs/{orgId}/join", ctx -> Http.noContent(ctx,
                orgs.joinByEmailDomain(Http.caller(ctx), Http.id(ctx, "orgId"))));
        r.post("/v1/orgs/{orgId}/members/{userId}/sso", ctx -> {
            Written<MemberView> w = orgs.setSso(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "userId"));
            Http.revision(ctx, w);
            Http.json(ctx, 200, member(w.value()));
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
        ObjectNode o = Json.object();
        var users = o.putArray("users");
        w.value().users().forEach(users::add);
        o.put("invited", w.value().invited());
        Http.revision(ctx, w);
        Http.json(ctx, 200, o);
    }

    private ObjectNode member(MemberView v) {
        return shapes.member(v.member(), v.user(), v.spaces(), v.teams(), v.sites());
    }

    static Role roleParam(String v) {
        try {
            return Role.parse(v);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'role': " + e.getMessage());
        }
    }
}
