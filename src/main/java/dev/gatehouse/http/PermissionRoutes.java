package dev.gatehouse.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.Caller;
import dev.gatehouse.service.PermissionService;
import dev.gatehouse.service.SiteService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Function;

/**
 * The permission endpoints, the same for every kind of resource: invite, the direct user and team lists,
 * the aggregate, and changing or removing one user's or team's grant.
 */
final class PermissionRoutes {
    private final PermissionService permissions;
    private final SiteService sites;
    private final Shapes shapes;
    private final Http http;

    PermissionRoutes(PermissionService permissions, SiteService sites, Shapes shapes, Http http) {
        this.permissions = permissions;
        this.sites = sites;
        this.shapes = shapes;
        this.http = http;
    }

    void register(RoutesConfig r) {
        register(r, "/v1/collections/{collectionId}", ctx -> ResourceRef.collection(Http.id(ctx, "collectionId")), true);
        register(r, "/v1/spaces/{spaceId}", ctx -> ResourceRef.space(Http.id(ctx, "spaceId")), true);
        register(r, "/v1/orgs/{orgId}/sites/{siteId}", this::site, false);
        r.get("/v1/orgs/{orgId}/sites/{siteId}/permissions/aggregate", ctx -> {
            site(ctx);
            http.list(ctx, permissions.siteAggregate(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "siteId"),
                    http.after(ctx), Http.limit(ctx)), a -> {
                        ObjectNode o = Json.object();
                        Shapes.putRole(o, "permission", a.access().role());
                        o.set("user", shapes.user(a.user()));
                        o.set("origin", shapes.origin(a.access().origin()));
                        o.put("disabled", a.access().disabled());
                        return o;
                    });
        });
    }

    /** A site in the path must belong to the organization in the path. */
    private ResourceRef site(Context ctx) {
        sites.get(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "siteId"));
        return ResourceRef.site(Http.id(ctx, "siteId"));
    }

    /**
     * @param noAccessRole whether PATCH may set a {@code null} (no access) role: GitBook's schema allows it
     *                     for collections and spaces, not for sites
     */
    private void register(RoutesConfig r, String base, Function<Context, ResourceRef> resource, boolean noAccessRole) {
        r.post(base + "/permissions", ctx -> {
            ResourceRef ref = resource.apply(ctx);
            Body b = Body.parse(ctx.body());
            if (!b.has("role")) {
                throw ApiException.badRequest("'role' is required: one of " + Role.names() + ", or null for no access");
            }
            Http.noContent(ctx, permissions.invite(Http.caller(ctx), ref, b.roleOrNull("role"), b.strings("users"),
                    b.strings("teams")));
        });
        r.get(base + "/permissions/users", ctx -> {
            ResourceRef ref = resource.apply(ctx);
            http.list(ctx, permissions.users(Http.caller(ctx), ref, includeNoAccess(ctx), http.after(ctx),
                    Http.limit(ctx)), ug -> {
                        ObjectNode o = Json.object();
                        Shapes.putRole(o, "permission", ug.role());
                        o.set("user", shapes.user(ug.user()));
                        return o;
                    });
        });
        r.get(base + "/permissions/teams", ctx -> {
            ResourceRef ref = resource.apply(ctx);
            http.list(ctx, permissions.teams(Http.caller(ctx), ref, includeNoAccess(ctx), http.after(ctx),
                    Http.limit(ctx)), tg -> {
                        ObjectNode o = Json.object();
                        Shapes.putRole(o, "permission", tg.role());
                        o.set("team", shapes.team(tg.team()));
                        return o;
                    });
        });
        if (!base.contains("/sites/")) {
            r.get(base + "/permissions/aggregate", ctx -> {
                ResourceRef ref = resource.apply(ctx);
                String role = ctx.queryParam("role");
                http.list(ctx, permissions.aggregate(Http.caller(ctx), ref,
                        role == null ? null : OrganizationRoutes.roleParam(role), http.after(ctx), Http.limit(ctx)), a -> {
                            ObjectNode o = Json.object();
                            o.put("permission", a.role().wire());
                            o.set("user", shapes.user(a.user()));
                            return o;
                        });
            });
        }
        r.patch(base + "/permissions/users/{userId}", ctx -> {
            ResourceRef ref = resource.apply(ctx);
            Http.noContent(ctx, permissions.setUser(Http.caller(ctx), ref, Http.id(ctx, "userId"),
                    patchRole(ctx, noAccessRole)));
        });
        r.delete(base + "/permissions/users/{userId}", ctx -> {
            ResourceRef ref = resource.apply(ctx);
            Http.deleted(ctx, permissions.remove(Http.caller(ctx), ref, SubjectRef.user(Http.id(ctx, "userId"))));
        });
        r.patch(base + "/permissions/teams/{teamId}", ctx -> {
            ResourceRef ref = resource.apply(ctx);
            Http.noContent(ctx, permissions.setTeam(Http.caller(ctx), ref, Http.id(ctx, "teamId"),
                    patchRole(ctx, noAccessRole)));
        });
        r.delete(base + "/permissions/teams/{teamId}", ctx -> {
            ResourceRef ref = resource.apply(ctx);
            Http.deleted(ctx, permissions.remove(Http.caller(ctx), ref, SubjectRef.team(Http.id(ctx, "teamId"))));
        });
    }

    private static Role patchRole(Context ctx, boolean noAccessRole) {
        Body b = Body.parse(ctx.body());
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

    static Caller caller(Context ctx) {
        return Http.caller(ctx);
    }
}
