package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.model.TeamRole;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.TeamService;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** /v1/orgs/{orgId}/teams: teams and their members. */
final class TeamRoutes {
    private final TeamService teams;
    private final TeamShapes shapes;
    private final Http http;

    TeamRoutes(TeamService teams, TeamShapes shapes, Http http) {
        this.teams = teams;
        this.shapes = shapes;
        this.http = http;
    }

    void register(RoutesConfig r) {
        r.get("/v1/orgs/{orgId}/teams", ctx -> http.list(ctx, teams.list(Http.caller(ctx), Http.id(ctx, "orgId"),
                ctx.queryParam("title"), ctx.queryParam("owner"), http.after(ctx), Http.limit(ctx)),
                shapes::writeTeam));
        r.put("/v1/orgs/{orgId}/teams", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            var w = teams.create(Http.caller(ctx), Http.id(ctx, "orgId"), b.requiredString("title"), b.strings("members"));
            Http.revision(ctx, w);
            Http.created(ctx, null, shapes::writeTeam, w.value());
        });
        r.get("/v1/orgs/{orgId}/teams/{teamId}", ctx -> Http.json(ctx, 200, shapes::writeTeam,
                teams.get(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "teamId"))));
        r.patch("/v1/orgs/{orgId}/teams/{teamId}", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            var w = teams.rename(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "teamId"), b.requiredString("title"));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes::writeTeam, w.value());
        });
        r.delete("/v1/orgs/{orgId}/teams/{teamId}", ctx -> Http.deleted(ctx,
                teams.delete(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "teamId"))));

        r.get("/v1/orgs/{orgId}/teams/{teamId}/members", ctx -> http.list(ctx, teams.members(Http.caller(ctx),
                Http.id(ctx, "orgId"), Http.id(ctx, "teamId"), http.after(ctx), Http.limit(ctx)),
                shapes::writeTeamMember));
        r.put("/v1/orgs/{orgId}/teams/{teamId}/members", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            Http.noContent(ctx, teams.updateMembers(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "teamId"),
                    b.strings("add"), b.strings("remove"), memberships(b.raw("memberships"))));
        });
        r.put("/v1/orgs/{orgId}/teams/{teamId}/members/{userId}", ctx -> {
            Body b = Body.parseOptional(ctx.bodyAsBytes());
            TeamRole role = b.has("role") ? teamRole(b.raw("role"), "role") : TeamRole.MEMBER;
            Http.noContent(ctx, teams.putMember(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "teamId"),
                    Http.id(ctx, "userId"), role));
        });
        r.delete("/v1/orgs/{orgId}/teams/{teamId}/members/{userId}", ctx -> Http.deleted(ctx,
                teams.removeMember(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "teamId"), Http.id(ctx, "userId"))));
    }

    private static Map<String, TeamRole> memberships(JsonNode node) {
        Map<String, TeamRole> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("'memberships' must be an object {userIdOrEmail: {role: owner|member}}");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (!v.isObject() || !v.has("role")) {
                throw ApiException.badRequest("'memberships." + e.getKey() + "' must be {\"role\": \"owner\" or \"member\"}");
            }
            out.put(e.getKey(), teamRole(v.get("role"), "memberships." + e.getKey() + ".role"));
        }
        return out;
    }

    private static TeamRole teamRole(JsonNode v, String field) {
        try {
            return TeamRole.parse(v.isTextual() ? v.asText() : String.valueOf(v));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + field + "': " + e.getMessage());
        }
    }
}
