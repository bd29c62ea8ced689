package dev.gatehouse.http;

import dev.gatehouse.model.Ids;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.PermissionService;
import dev.gatehouse.service.PermissionService.Target;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.Function;

/**
 * {@code .../permissions}: the permission endpoints of every kind of resource, mounted under each
 * resource's own path (collections, spaces, sites, pages). They are the same for all four, the path only
 * naming the resource: invite, the direct user and team lists, the aggregate, explain, and changing or
 * removing one user's or team's grant; a site's aggregate has filters of its own.
 */
final class PermissionRoutes {
    private final PermissionService permissions;
    private final PermissionShapes shapes;
    private final Http http;

    PermissionRoutes(PermissionService permissions, PermissionShapes shapes, Http http) {
        this.permissions = permissions;
        this.shapes = shapes;
        this.http = http;
    }

    void register(RoutesConfig r) {
        register(r, "/v1/collections/{collectionId}",
                ctx -> Target.of(ResourceRef.collection(Http.id(ctx, "collectionId"))), true);
        register(r, "/v1/spaces/{spaceId}", ctx -> Target.of(ResourceRef.space(Http.id(ctx, "spaceId"))), true);
        register(r, "/v1/orgs/{orgId}/sites/{siteId}", PermissionRoutes::site, false);
        register(r, "/v1/spaces/{spaceId}/pages/{pageId}",
                ctx -> Target.page(Http.id(ctx, "spaceId"), Http.id(ctx, "pageId")), true);
        r.get("/v1/orgs/{orgId}/sites/{siteId}/permissions/aggregate", on(PermissionRoutes::site, (ctx, t) -> {
            if (ctx.queryParam("sort") != null || ctx.queryParam("order") != null) {
                throw ApiException.badRequest("the site aggregate is ordered by user id; leave out 'sort' and 'order'");
            }
            String role = ctx.queryParam("role");
            String team = ctx.queryParam("team");
            if (team != null && !Ids.isValid(team)) {
                throw ApiException.badRequest("'team' must be a team id");
            }
            var filter = new PermissionService.SiteFilter(role == null || role.equals("guest") ? null
                    : Http.roleParam(role), "guest".equals(role), team, ctx.queryParam("search"));
            http.list(ctx, permissions.siteAggregate(Http.caller(ctx), t.parentId(), t.resource().id(), filter,
                    http.after(ctx), Http.limit(ctx)), shapes::writeSiteEntry);
        }));
    }

    /** A site is named under its organization. */
    private static Target site(Context ctx) {
        return Target.site(Http.id(ctx, "orgId"), Http.id(ctx, "siteId"));
    }

    /**
     * @param noAccessRole whether PATCH may set a {@code null} (no access) role: GitBook's schema allows it
     *                     for collections and spaces, not for sites
     */
    private void register(RoutesConfig r, String base, Function<Context, Target> target, boolean noAccessRole) {
        r.post(base + "/permissions", on(target, (ctx, t) -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            if (!b.has("role")) {
                throw ApiException.badRequest("'role' is required: one of " + Role.names() + ", or null for no access");
            }
            Http.noContent(ctx, permissions.invite(Http.caller(ctx), t, b.roleOrNull("role"), b.strings("users"),
                    b.strings("teams"), ExpiresAt.read(b)));
        }));
        r.get(base + "/permissions/users", on(target, (ctx, t) -> http.list(ctx, permissions.users(Http.caller(ctx), t,
                includeNoAccess(ctx), http.after(ctx), Http.limit(ctx)), shapes::writeUserGrant)));
        r.get(base + "/permissions/teams", on(target, (ctx, t) -> http.list(ctx, permissions.teams(Http.caller(ctx), t,
                includeNoAccess(ctx), http.after(ctx), Http.limit(ctx)), shapes::writeTeamGrant)));
        if (!base.contains("/sites/")) {
            r.get(base + "/permissions/aggregate", on(target, (ctx, t) -> {
                String role = ctx.queryParam("role");
                Role exactly = role == null ? null : Http.roleParam(role);
                Boolean explain = Http.boolParam(ctx, "explain");
                if (explain != null && explain) {
                    http.list(ctx, permissions.explainedAggregate(Http.caller(ctx), t, exactly, http.after(ctx),
                            Http.limit(ctx)), shapes::writeExplainedEntry);
                } else {
                    http.list(ctx, permissions.aggregate(Http.caller(ctx), t, exactly, http.after(ctx),
                            Http.limit(ctx)), shapes::writeAggregateEntry);
                }
            }));
        }
        r.get(base + "/permissions/users/{userId}/explain", on(target, (ctx, t) -> {
            String user = Http.id(ctx, "userId");
            Http.json(ctx, 200, (json, e) -> shapes.writeExplanation(json, user, t.resource(), e),
                    permissions.explain(Http.caller(ctx), t, user));
        }));
        r.get(base + "/permissions/share-links/{shareLinkId}/explain", on(target, (ctx, t) -> {
            String link = Http.id(ctx, "shareLinkId");
            Http.json(ctx, 200, (json, e) -> shapes.writeShareLinkExplanation(json, link, t.resource(), e),
                    permissions.explainShareLink(Http.caller(ctx), t, link));
        }));
        r.patch(base + "/permissions/users/{userId}", on(target, (ctx, t) -> Http.noContent(ctx,
                permissions.setUser(Http.caller(ctx), t, Http.id(ctx, "userId"), patchRole(ctx, noAccessRole),
                        ExpiresAt.read(Body.parse(ctx.bodyAsBytes()))))));
        r.delete(base + "/permissions/users/{userId}", on(target, (ctx, t) -> Http.deleted(ctx,
                permissions.remove(Http.caller(ctx), t, SubjectRef.user(Http.id(ctx, "userId"))))));
        r.patch(base + "/permissions/teams/{teamId}", on(target, (ctx, t) -> Http.noContent(ctx,
                permissions.setTeam(Http.caller(ctx), t, Http.id(ctx, "teamId"), patchRole(ctx, noAccessRole),
                        ExpiresAt.read(Body.parse(ctx.bodyAsBytes()))))));
        r.delete(base + "/permissions/teams/{teamId}", on(target, (ctx, t) -> Http.deleted(ctx,
                permissions.remove(Http.caller(ctx), t, SubjectRef.team(Http.id(ctx, "teamId"))))));
    }

    /** A handler of a permission route, given the target its path names. */
    @FunctionalInterface
    private interface TargetHandler {
        void handle(Context ctx, Target t) throws Exception;
    }

    /**
     * The handler, with the target of its path. The service checks the path in the same read as the rest of
     * the call. A request refused before that (a malformed body or parameter), or for any other reason, is
     * answered with the path's 404 instead when the path names nothing: the path is always checked first.
     */
    private Handler on(Function<Context, Target> target, TargetHandler handler) {
        return ctx -> {
            Target t = target.apply(ctx);
            try {
                handler.handle(ctx, t);
            } catch (ApiException refused) {
                permissions.checkPath(Http.caller(ctx), t);
                throw refused;
            }
        };
    }

    private static Role patchRole(Context ctx, boolean noAccessRole) {
        Body b = Body.parse(ctx.bodyAsBytes());
        if (!b.has("role")) {
            throw ApiException.badRequest("'role' is required: one of " + Role.names()
                    + (noAccessRole ? ", or null for no access" : ""));
        }
        return noAccessRole ? b.roleOrNull("role") : b.requiredRole("role");
    }

    private static boolean includeNoAccess(Context ctx) {
        Boolean b = Http.boolParam(ctx, "includeNoAccess");
        return b != null && b;
    }
}
