/**
 * The HTTP API: Javalin routes, authentication, request bodies, signed pagination cursors, the JSON
 * shapes of GitBook's v1 API, and the places that turn every error into {@code {"error":{"code","message"}}}
 * with {@code X-Gatehouse-Revision}: {@link dev.gatehouse.http.HttpApi} for what the routes raise,
 * {@link dev.gatehouse.http.JsonErrorHandler} for what Jetty and the handlers in front of the routes refuse.
 *
 * <p>In front of the routes ({@link dev.gatehouse.http.JettyChain}) every client is bounded
 * ({@link dev.gatehouse.http.HttpLimits}): bodies arrive whole without a thread and within a deadline, so do
 * request heads, requests beyond a cap are shed with 503, and a stop drains the requests in flight.
 *
 * <p><b>Routes</b>, one class per path family, registered by {@link dev.gatehouse.http.HttpApi}:
 * {@code UserRoutes} ({@code /v1/user}, {@code /v1/users}), {@code OrganizationRoutes} ({@code /v1/orgs},
 * {@code /v1/orgs/{orgId}}), {@code MemberRoutes} ({@code .../members}, {@code .../invites}),
 * {@code TeamRoutes} ({@code .../teams}), {@code CollectionRoutes} ({@code .../collections},
 * {@code /v1/collections/{collectionId}}), {@code SpaceRoutes} ({@code .../spaces},
 * {@code /v1/spaces/{spaceId}}), {@code PageRoutes} ({@code /v1/spaces/{spaceId}/pages}), {@code SiteRoutes}
 * ({@code .../sites}), {@code AuditRoutes} ({@code .../audit-log}), {@code AuditEventRoutes}
 * ({@code .../audit-events}, {@code .../audit-event-actions}), {@code WebhookRoutes} ({@code .../webhooks}),
 * and around the API {@code HomeRoutes}, {@code ConsoleRoutes} and {@code MetricsRoutes}. The {@code /permissions} endpoints are
 * one family mounted under the path of each kind of resource (collection, space, site, page), all in
 * {@code PermissionRoutes}: they are the same for all four, the path only naming the resource (a
 * {@code PermissionService.Target}), so they are defined once rather than beside each resource;
 * {@code PermissionCheckRoutes} serves {@code /v1/permissions/check}.
 *
 * <p><b>One request, one service call.</b> Handlers are thin: they parse, make one call of one service, and
 * present what it returns, so that an answer comes from one read of the index (or one write). A page's or
 * a site's permission routes do not read the page or the site first: the permission service checks that it
 * is in the space or organization of the path, in the same read. The exceptions are {@code GET} and
 * {@code POST /v1/orgs}, which read each organization's flags with a call of their own, as
 * {@code OrganizationService} lists and creates organizations without them.
 *
 * <p><b>Shapes</b>, one class per resource ({@code UserShapes}, {@code OrganizationShapes},
 * {@code MemberShapes}, {@code TeamShapes}, {@code CollectionShapes}, {@code SpaceShapes}, {@code SiteShapes},
 * {@code PageShapes}, {@code PermissionShapes}, {@code AuditEventShapes}, {@code WebhookShapes}), write
 * GitBook's schemas field by field onto a Jackson generator, with the field names of {@code Names}: a list
 * page streams a thousand of them without building a tree, and a single object is the same writer into
 * bytes ({@code Json.bytes}), kept whole for an {@code Idempotency-Key} replay. Only the fixed bodies around
 * the API (errors, health, the home page) and the audit log's entries, which the service shapes for
 * webhooks too ({@code AuditJson}), are trees.
 *
 * <p><b>The console</b> is static files ({@link dev.gatehouse.http.ConsoleRoutes}, under a Content-Security-Policy
 * that allows this origin's files only) that call the same {@code /v1} routes with a bearer token; pages of
 * other origins may call them only when the operator allows their origin ({@link dev.gatehouse.http.Cors}).
 *
 * <p>Depends on {@code service} and {@code model} only: what a service answers is made of model records.
 */
package dev.gatehouse.http;
