package dev.gatehouse.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.http.scim.ScimRoutes;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.Failures;
import dev.gatehouse.service.Caller;
import dev.gatehouse.service.Services;
import dev.gatehouse.service.Tokens;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.InternalRouter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin application (without starting it, so tests can start it on a random port).
 *
 * <p>Every response carries {@code X-Gatehouse-Revision}; every error, whatever raised it, is
 * {@code {"error":{"code","message"}}}.
 */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final Pattern REVISION = Pattern.compile("[0-9]{1,18}");

    private HttpApi() {
    }

    /**
     * Builds the application for {@code services}, not started. Without a configured public URL, the URLs in
     * responses name {@code localhost} and the port the application is started on.
     */
    public static Javalin create(Services services, HttpOptions options) {
        HttpLimits limits = options.limits();
        MetricsAccess metricsAccess = options.metrics();
        long minRevisionWaitMs = options.minRevisionWait().toMillis();
        RateLimiter limiter = new RateLimiter(options.rates(), options.rateClock(), System::currentTimeMillis);
        RateGate rates = new RateGate(limiter, services.metrics().rateLimitRefusals()::increment);
        AtomicReference<Javalin> started = new AtomicReference<>();
        PublicUrl publicUrl = new PublicUrl(options.publicUrl(), () -> started.get().port());
        Http http = new Http(new Cursors(services.status().cursorSecret()));
        LongSupplier revision = () -> services.status().revision();
        // The router, for the access log to name the route of a request refused before its handler ran.
        AtomicReference<InternalRouter> router = new AtomicReference<>();
        Javalin app = Javalin.create(config -> {
            config.http.maxRequestSize = HttpLimits.MAX_BODY;
            config.jetty.threadPool = new QueuedThreadPool(limits.maxRequests() + HttpLimits.SPARE_THREADS, 8, 60_000);
            config.jetty.modifyServer(server -> JettyChain.install(server, limits, revision,
                    metricsAccess == MetricsAccess.OFF ? RequestMeter.NONE : services.metrics()::request));
            config.http.prefer405over404 = true;
            // 'eve/' must not name 'eve': a path that is not exactly a route is a 404, never an alias.
            config.router.ignoreTrailingSlashes = false;
            config.startup.showJavalinBanner = false;
            var r = config.routes;

            Idempotency idempotency = new Idempotency(services.idempotency());
            r.before(new Cors(options.corsOrigins(), revision)::before);
            r.before(ctx -> before(ctx, services, minRevisionWaitMs, rates));
            r.before(idempotency::before);
            RequestBodies.of(OpenApi.tree()).register(r);
            r.after(idempotency::after);
            r.after(ctx -> Exchange.matched(ctx, router.get()));
            r.get("/healthz", ctx -> Http.json(ctx, 200, Json.object().put("status", "ok")));
            r.get("/readyz", ctx -> {
                if (!services.status().ready()) {
                    throw ApiException.unavailable("the store does not answer");
                }
                Http.json(ctx, 200, Json.object().put("status", "ready")
                        .put("revision", Long.toString(services.status().revision())));
            });
            new HomeRoutes().register(r);
            new ConsoleRoutes().register(r);
            new MetricsRoutes(services.metrics(), services.users(), metricsAccess).register(r);
            Supplier<String> openApi = OpenApi.documentAt(publicUrl);
            r.get(OpenApi.PATH, ctx -> ctx.contentType("application/json").result(openApi.get()));
            registerResources(r, services, publicUrl, http);

            r.exception(Idempotency.Replay.class, Idempotency::replay);
            r.exception(Cors.Preflight.class, Cors::answer);
            r.exception(ApiException.class, (e, ctx) -> {
                if (e.status() == 503) {
                    ctx.header("Retry-After", "1");
                }
                error(ctx, e.status(), e.getMessage());
            });
            r.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), describe(e)));
            r.exception(Exception.class, (e, ctx) -> {
                ApiException store = e instanceof RuntimeException re ? Failures.ofStore(re) : null;
                if (store != null) {
                    // A conflict is the client's to resolve; an outage is the operator's, so it is logged.
                    if (Failures.isOutage((RuntimeException) e)) {
                        LOG.error("store failure on {} {}", ctx.method(), ctx.path(), e);
                        ctx.header("Retry-After", "1");
                    }
                    error(ctx, store.status(), store.getMessage());
                    return;
                }
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error; nothing was written if the request was a write");
            });
            // Javalin answers unknown routes and wrong methods itself; give those the error format too.
            r.error(404, ctx -> ensureErrorBody(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path()));
            r.error(405, ctx -> ensureErrorBody(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path()));
        });
        router.set(app.unsafe.internalRouter);
        started.set(app);
        return app;
    }

    /** The routes of the API's resources, one path family each, with the shapes they answer with. */
    private static void registerResources(RoutesConfig r, Services services, PublicUrl url, Http http) {
        UserShapes users = new UserShapes(url);
        SpaceShapes spaces = new SpaceShapes(url);
        MemberShapes members = new MemberShapes(users, spaces);
        TeamShapes teams = new TeamShapes(members);
        PermissionShapes permissions = new PermissionShapes(users, teams);
        new UserRoutes(services.users(), users).register(r);
        new OrganizationRoutes(services.organizations(), new OrganizationShapes(url), http).register(r);
        new MemberRoutes(services.organizations(), members, teams, http).register(r);
        new TeamRoutes(services.teams(), teams, http).register(r);
        CollectionShapes collections = new CollectionShapes(url);
        new CollectionRoutes(services.content(), collections, spaces, http).register(r);
        new SpaceRoutes(services.content(), spaces, http).register(r);
        new SiteRoutes(services.sites(), new SiteShapes(url, spaces), http).register(r);
        new PermissionRoutes(services.permissions(), permissions, http).register(r);
        new PermissionCheckRoutes(services.permissions(), permissions).register(r);
        new PageRoutes(services.pages(), new PageShapes(url), http).register(r);
        new AuditRoutes(services.audit()).register(r);
        new AuditEventRoutes(services.auditEvents(), new AuditEventShapes(url), http).register(r);
        new WebhookRoutes(services.webhooks(), new WebhookShapes(url)).register(r);
        new InviteLinkRoutes(services.inviteLinks(), new InviteLinkShapes(url, spaces, collections), http).register(r);
        new ShareLinkRoutes(services.shareLinks(), new ShareLinkShapes(url), http).register(r);
        new DataRoutes(services.data()).register(r);
        new AccessRequestRoutes(services.accessRequests(), new AccessRequestShapes(url, users), http).register(r);
        new ScimTokenRoutes(services.scimTokens(), url).register(r);
        new ScimRoutes(services.scimTokens(), services.scim(), url).register(r);
    }

    /** The base of the URLs {@code app} answers with: the configured public URL, or localhost and its port. */
    public static String publicUrl(Javalin app, HttpOptions options) {
        return options.publicUrl() != null ? options.publicUrl() : "http://localhost:" + app.port();
    }

    /**
     * Drains {@code app} (see {@link Draining}): new connections are refused, new requests answered 503, and
     * this returns once the requests in flight are answered, or after {@code limit}. Stop the app afterwards.
     */
    public static void drain(Javalin app, Duration limit) throws InterruptedException {
        Draining draining = app.jettyServer().server().getDescendant(Draining.class);
        if (draining != null && !limit.isZero()) {
            draining.drain(limit);
        }
    }

    private static void before(Context ctx, Services services, long waitMs, RateGate rates)
            throws InterruptedException {
        // First, so that a refusal below carries the revision too.
        ctx.header(Http.REVISION_HEADER, Long.toString(services.status().revision()));
        String minRevision = ctx.header("X-Gatehouse-Min-Revision");
        if (minRevision != null) {
            if (!REVISION.matcher(minRevision).matches()) {
                throw ApiException.badRequest("'X-Gatehouse-Min-Revision' must be a revision number from a previous "
                        + "response's X-Gatehouse-Revision");
            }
            if (!services.status().awaitRevision(Long.parseLong(minRevision), waitMs)) {
                throw ApiException.unavailable("this node has not yet reached revision " + minRevision + "; retry shortly");
            }
            ctx.header(Http.REVISION_HEADER, Long.toString(services.status().revision()));
        }
        if (ctx.path().equals(OpenApi.PATH) || ctx.path().startsWith(ScimRoutes.PREFIX)) {
            // SCIM authenticates per organization in its own routes; its callers are limited by address.
            rates.address(ctx);
        } else if (ctx.path().startsWith("/v1/")) {
            String auth = ctx.header("Authorization");
            String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7) : null;
            Caller caller;
            String hash;
            try {
                if (auth != null && !auth.isBlank() && token == null) {
                    // A bare token or another scheme would otherwise read as 'missing', which misleads.
                    throw ApiException.unauthorized("the Authorization header must name the Bearer scheme: send "
                            + "'Authorization: Bearer <token>'");
                }
                // Hashed once, for the token's lookup and for its rate limit's key.
                hash = token == null || token.isBlank() ? null : Tokens.hash(token.trim());
                caller = hash == null ? services.users().authenticate(token) : services.users().authenticateHashed(hash);
            } catch (ApiException e) {
                // Without a valid token the address is limited, so guessing tokens is throttled too.
                rates.address(ctx);
                throw e;
            }
            Exchange.of(ctx).caller = caller.system() ? Caller.SYSTEM_ACTOR : caller.userId();
            if (!caller.system() || rates.limitsSystem()) {
                rates.token(ctx, hash);
            }
            ctx.attribute(Http.CALLER, caller);
            JsonContentType.check(ctx);
        }
    }

    private static String describe(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> "the request body is too large (at most 4 MB)";
            case 404 -> "no such endpoint";
            case 405 -> "method not allowed on this endpoint";
            default -> e.getMessage() == null || e.getMessage().isBlank() ? "request refused" : e.getMessage();
        };
    }

    static void error(Context ctx, int status, String message) {
        ObjectNode body = Json.object();
        ObjectNode err = body.putObject("error");
        err.put("code", status);
        err.put("message", message);
        Http.json(ctx, status, body);
    }

    /** Error handlers run for every response with their status: leave bodies Gatehouse already wrote. */
    private static void ensureErrorBody(Context ctx, int status, String message) {
        String result = ctx.result();
        // A SCIM answer is already in SCIM's own error format, which identity providers read.
        String type = ctx.res().getContentType();
        if (type != null && type.startsWith(ScimRoutes.MEDIA_TYPE)) {
            return;
        }
        if (result == null || !result.startsWith("{\"error\"")) {
            error(ctx, status, message);
        }
    }
}
