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
    private final dev.gatehouse.service.PageService pages;
    private final Shapes shapes;
    private final Http http;

    PermissionRoutes(PermissionService permissions, SiteService sites, dev.gatehouse.service.PageService pages,
                     Shapes shapes, Http http) {
        this.permissions = permissions;
        this.sites = sites;
        this.pages = pages;
        this.shapes = shapes;
        this.http = http;
    }

    void register(RoutesConfig r) {
        register(r, "/v1/collections/{collectionId}", ctx -> ResourceRef.collection(Http.id(ctx, "collectionId")), true);
        register(r, "/v1/spaces/{spaceId}", ctx -> ResourceRef.space(Http.id(ctx, "spaceId")), true);
        register(r, "/v1/orgs/{orgId}/sites/{siteId}", this::site, false);
        register(r, "/v1/spaces/{spaceId}/pages/{pageId}", this::page, true);
        r.post("/v1/permissions/check", this::check);
        r.get("/v1/orgs/{orgId}/sites/{siteId}/permissions/aggregate", ctx -> {
            site(ctx);
            if (ctx.queryParam("sort") != null || ctx.queryParam("order") != null) {
                throw ApiException.badRequest("the site aggregate is ordered by user id; leave out 'sort' and 'order'");
            }
            String role = ctx.queryParam("role");
            String team = ctx.queryParam("team");
            if (team != null && !dev.gatehouse.model.Ids.isValid(team)) {
                throw ApiException.badRequest("'team' must be a team id");
            }
            var filter = new PermissionService.SiteFilter(role == null || role.equals("guest") ? null
                    : OrganizationRoutes.roleParam(role), "guest".equals(role), team, ctx.queryParam("search"));
            http.list(ctx, permissions.siteAggregate(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "siteId"),
                    filter, http.after(ctx), Http.limit(ctx)), (g, a) -> {
                        g.writeStartObject();
                        Json.field(g, Names.PERMISSION, Shapes.wire(a.access().role()));
                        g.writeFieldName(Names.USER);
                        shapes.writeUser(g, a.user());
                        g.writeObjectField("origin", shapes.origin(a.access().origin()));
                        g.writeBooleanField("disabled", a.access().disabled());
                        ExpiresAt.write(g, a.access().expiresAt());
                        g.writeEndObject();
                    });
        });
    }

    /** A page in the path must belong to the space in the path. */
    private ResourceRef page(Context ctx) {
        pages.get(Http.caller(ctx), Http.id(ctx, "spaceId"), Http.id(ctx, "pageId"));
        return ResourceRef.page(Http.id(ctx, "pageId"));
    }

    private void check(Context ctx) {
        Body b = Body.parse(ctx.bodyAsBytes());
        com.fasterxml.jackson.databind.JsonNode items = b.raw("items");
        if (items == null || !items.isArray()) {
            throw ApiException.badRequest("'items' is required: an array of {user, resource: {type, id}, role?}");
        }
        java.util.List<PermissionService.Question> questions = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            questions.add(question(items.get(i), "items[" + i + "]"));
        }
        ObjectNode out = Json.object();
        var array = out.putArray("items");
        for (PermissionService.Answer a : permissions.check(Http.caller(ctx), questions)) {
            ObjectNode o = array.addObject();
            Shapes.putRole(o, "permission", a.permission());
            o.put("allowed", a.allowed());
        }
        Http.json(ctx, 200, out);
    }

    private static PermissionService.Question question(com.fasterxml.jackson.databind.JsonNode n, String at) {
        if (!n.isObject() || !n.path("user").isTextual() || !n.path("resource").isObject()) {
            throw ApiException.badRequest("'" + at + "' must be {user, resource: {type, id}, role?}");
        }
        String user = n.get("user").asText();
        if (!dev.gatehouse.model.Ids.isValid(user)) {
            throw ApiException.badRequest("'" + at + ".user' is not a user id");
        }
        var res = n.get("resource");
        ResourceRef ref;
        try {
            ref = new ResourceRef(dev.gatehouse.model.ResourceType.parse(res.path("type").asText()), res.path("id").asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + at + ".resource.type': " + e.getMessage());
        }
        if (!dev.gatehouse.model.Ids.isValid(ref.id())) {
            throw ApiException.badRequest("'" + at + ".resource.id' is not an id");
        }
        Role atLeast = null;
        if (n.has("role") && !n.get("role").isNull()) {
            if (!n.get("role").isTextual() || !Role.isRole(n.get("role").asText())) {
                throw ApiException.badRequest("'" + at + ".role' must be one of " + Role.names());
            }
            atLeast = Role.parse(n.get("role").asText());
        }
        return new PermissionService.Question(user, ref, atLeast);
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
            Body b = Body.parse(ctx.bodyAsBytes());
            if (!b.has("role")) {
                throw ApiException.badRequest("'role' is required: one of " + Role.names() + ", or null for no access");
            }
            Http.noContent(ctx, permissions.invite(Http.caller(ctx), ref, b.roleOrNull("role"), b.strings("users"),
                    b.strings("teams"), ExpiresAt.read(b)));
        });
        r.get(base + "/permissions/users", ctx -> {
            ResourceRef ref = resource.apply(ctx);
            http.list(ctx, permissions.users(Http.caller(ctx), ref, includeNoAccess(ctx), http.after(ctx),
                    Http.limit(ctx)), (g, ug) -> {
                        g.writeStartObject();
                        Json.field(g, Names.PERMISSION, Shapes.wire(ug.role()));
                        g.writeFieldName(Names.USER);
                        shapes.writeUser(g, ug.user());
                        ExpiresAt.write(g, ug.expiresAt());
                        g.writeEndObject();
                    });
        });
        r.get(base + "/permissions/teams", ctx -> {
            ResourceRef ref = resource.apply(ctx);
            http.list(ctx, permissions.teams(Http.caller(ctx), ref, includeNoAccess(ctx), http.after(ctx),
                    Http.limit(ctx)), tg -> {
                        ObjectNode o = Json.object();
                        Shapes.putRole(o, "permission", tg.role());
                        o.set("team", shapes.team(tg.team()));
                        ExpiresAt.put(o, tg.expiresAt());
                        return o;
                    });
        });
        if (!base.contains("/sites/")) {
            r.get(base + "/permissions/aggregate", ctx -> {
                ResourceRef ref = resource.apply(ctx);
                String role = ctx.queryParam("role");
                Role exactly = role == null ? null : OrganizationRoutes.roleParam(role);
                Boolean explain = Http.boolParam(ctx, "explain");
                if (explain != null && explain) {
                    http.list(ctx, permissions.explainedAggregate(Http.caller(ctx), ref, exactly, http.after(ctx),
                            Http.limit(ctx)), (g, a) -> {
                                g.writeStartObject();
                                Json.field(g, Names.PERMISSION, a.role().wire());
                                g.writeFieldName(Names.USER);
                                shapes.writeUser(g, a.user());
                                g.writeObjectField("origin", shapes.step(a.decidedBy()));
                                g.writeEndObject();
                            });
                    return;
                }
                http.list(ctx, permissions.aggregate(Http.caller(ctx), ref, exactly, http.after(ctx), Http.limit(ctx)),
                        (g, a) -> {
                            g.writeStartObject();
                            Json.field(g, Names.PERMISSION, a.role().wire());
                            g.writeFieldName(Names.USER);
                            shapes.writeUser(g, a.user());
                            ExpiresAt.write(g, a.expiresAt());
                            g.writeEndObject();
                        });
            });
        }
        r.get(base + "/permissions/users/{userId}/explain", ctx -> {
            ResourceRef ref = resource.apply(ctx);
            String user = Http.id(ctx, "userId");
            var e = permissions.explain(Http.caller(ctx), ref, user);
            ObjectNode o = Json.object();
            o.put("object", "permission-explanation");
            o.put("user", user);
            o.putObject("resource").put("type", ref.type().wire()).put("id", ref.id());
            Shapes.putRole(o, "permission", e.permission());
            var steps = o.putArray("steps");
            e.steps().forEach(s -> steps.add(shapes.step(s)));
            Http.json(ctx, 200, o);
        });
        r.patch(base + "/permissions/users/{userId}", ctx -> {
            ResourceRef ref = resource.apply(ctx);
            Http.noContent(ctx, permissions.setUser(Http.caller(ctx), ref, Http.id(ctx, "userId"),
                    patchRole(ctx, noAccessRole), ExpiresAt.read(Body.parse(ctx.bodyAsBytes()))));
        });
        r.delete(base + "/permissions/users/{userId}", ctx -> {
            ResourceRef ref = resource.apply(ctx);
            Http.deleted(ctx, permissions.remove(Http.caller(ctx), ref, SubjectRef.user(Http.id(ctx, "userId"))));
        });
        r.patch(base + "/permissions/teams/{teamId}", ctx -> {
            ResourceRef ref = resource.apply(ctx);
            Http.noContent(ctx, permissions.setTeam(Http.caller(ctx), ref, Http.id(ctx, "teamId"),
                    patchRole(ctx, noAccessRole), ExpiresAt.read(Body.parse(ctx.bodyAsBytes()))));
        });
        r.delete(base + "/permissions/teams/{teamId}", ctx -> {
            ResourceRef ref = resource.apply(ctx);
            Http.deleted(ctx, permissions.remove(Http.caller(ctx), ref, SubjectRef.team(Http.id(ctx, "teamId"))));
        });
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

    static Caller caller(Context ctx) {
        return Http.caller(ctx);
    }
}
