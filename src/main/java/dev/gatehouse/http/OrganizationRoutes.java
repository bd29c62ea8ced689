package dev.gatehouse.http;

import dev.gatehouse.model.Role;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.Caller;
import dev.gatehouse.service.OrganizationService;
import dev.gatehouse.service.Paging;
import io.javalin.config.RoutesConfig;

/** /v1/orgs and /v1/orgs/{orgId}: organizations themselves. */
final class OrganizationRoutes {
    private final OrganizationService orgs;
    private final OrganizationShapes shapes;
    private final Http http;

    OrganizationRoutes(OrganizationService orgs, OrganizationShapes shapes, Http http) {
        this.orgs = orgs;
        this.shapes = shapes;
        this.http = http;
    }

    void register(RoutesConfig r) {
        r.get("/v1/orgs", ctx -> {
            Caller caller = Http.caller(ctx);
            var page = orgs.list(caller, http.after(ctx), Http.limit(ctx));
            // The caller's membership of each, for its flags: read before the first byte, as anything that can fail.
            http.list(ctx, Paging.map(page, o -> orgs.get(caller, o.id())), shapes::writeOrganization);
        });
        r.post("/v1/orgs", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            Role defaultRole = b.has("defaultRole") ? b.roleOrNull("defaultRole") : Role.READ;
            var w = orgs.create(Http.caller(ctx), b.requiredString("title"), defaultRole, b.requiredString("admin"));
            Http.revision(ctx, w);
            Http.created(ctx, shapes.location(w.value()), shapes::writeOrganization,
                    orgs.get(Http.caller(ctx), w.value().id()));
        });
        r.get("/v1/orgs/{orgId}", ctx ->
                Http.json(ctx, 200, shapes::writeOrganization, orgs.get(Http.caller(ctx), Http.id(ctx, "orgId"))));
        r.patch("/v1/orgs/{orgId}", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            if (!b.has("title") && !b.has("defaultRole") && !b.has("emailDomains")) {
                throw ApiException.badRequest("give 'title', 'defaultRole' and/or 'emailDomains'");
            }
            var w = orgs.update(Http.caller(ctx), Http.id(ctx, "orgId"), b.string("title"),
                    b.has("defaultRole") ? b.roleOrNull("defaultRole") : null, b.has("defaultRole"),
                    b.has("emailDomains") ? b.strings("emailDomains") : null);
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes::writeOrganization, w.value());
        });
        r.post("/v1/orgs/{orgId}/join", ctx -> Http.noContent(ctx,
                orgs.joinByEmailDomain(Http.caller(ctx), Http.id(ctx, "orgId"))));
    }
}
