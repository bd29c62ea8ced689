package dev.gatehouse.http;

import dev.gatehouse.model.Webhook;
import dev.gatehouse.model.WebhookDelivery;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.WebhookService;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.regex.Pattern;

/**
 * /v1/orgs/{orgId}/webhooks: register, list, read, delete, and read the delivery log. The secret is never
 * sent back.
 */
final class WebhookRoutes {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final WebhookService webhooks;
    private final WebhookShapes shapes;

    WebhookRoutes(WebhookService webhooks, WebhookShapes shapes) {
        this.webhooks = webhooks;
        this.shapes = shapes;
    }

    void register(RoutesConfig r) {
        r.post("/v1/orgs/{orgId}/webhooks", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            List<String> events = b.has("events") && !b.raw("events").isNull() ? b.strings("events") : null;
            Webhook w = webhooks.create(Http.caller(ctx), Http.id(ctx, "orgId"), b.requiredString("url"), events,
                    b.requiredString("secret"));
            Http.created(ctx, shapes.location(w), shapes::writeWebhook, w);
        });
        r.get("/v1/orgs/{orgId}/webhooks", ctx -> Http.json(ctx, 200, shapes::writeWebhooks,
                webhooks.list(Http.caller(ctx), Http.id(ctx, "orgId"))));
        r.get("/v1/orgs/{orgId}/webhooks/{webhookId}", ctx -> Http.json(ctx, 200, shapes::writeWebhook,
                webhooks.get(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "webhookId"))));
        r.delete("/v1/orgs/{orgId}/webhooks/{webhookId}", ctx -> {
            boolean removed = webhooks.delete(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "webhookId"));
            if (!removed) {
                throw ApiException.notFound("no webhook with id '" + ctx.pathParam("webhookId") + "'");
            }
            ctx.status(204);
        });
        r.get("/v1/orgs/{orgId}/webhooks/{webhookId}/deliveries", ctx -> {
            String after = ctx.queryParam("after");
            if (after != null && !DIGITS.matcher(after).matches()) {
                throw ApiException.badRequest("'after' must be a delivery id from this log; got '" + after + "'");
            }
            int limit = Http.limit(ctx);
            List<WebhookDelivery> log = webhooks.deliveries(Http.caller(ctx), Http.id(ctx, "orgId"),
                    Http.id(ctx, "webhookId"), after == null ? 0 : Long.parseLong(after), limit);
            Http.json(ctx, 200, (json, page) -> shapes.writeDeliveries(json, page, limit), log);
        });
    }
}
