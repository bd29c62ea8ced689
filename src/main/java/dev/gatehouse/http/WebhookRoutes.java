package dev.gatehouse.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.model.Webhook;
import dev.gatehouse.model.WebhookDelivery;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.WebhookService;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.regex.Pattern;

/** Webhooks: register, list, read, delete, and read the delivery log. The secret is never sent back. */
final class WebhookRoutes {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final WebhookService webhooks;
    private final java.util.function.Supplier<String> publicUrl;

    WebhookRoutes(WebhookService webhooks, java.util.function.Supplier<String> publicUrl) {
        this.webhooks = webhooks;
        this.publicUrl = publicUrl;
    }

    void register(RoutesConfig r) {
        r.post("/v1/orgs/{orgId}/webhooks", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            List<String> events = b.has("events") && !b.raw("events").isNull() ? b.strings("events") : null;
            Webhook w = webhooks.create(Http.caller(ctx), Http.id(ctx, "orgId"), b.requiredString("url"), events,
                    b.requiredString("secret"));
            Http.created(ctx, shape(w));
        });
        r.get("/v1/orgs/{orgId}/webhooks", ctx -> {
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            webhooks.list(Http.caller(ctx), Http.id(ctx, "orgId")).forEach(w -> items.add(shape(w)));
            Http.json(ctx, 200, body);
        });
        r.get("/v1/orgs/{orgId}/webhooks/{webhookId}", ctx -> Http.json(ctx, 200,
                shape(webhooks.get(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "webhookId")))));
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
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            log.forEach(d -> items.add(delivery(d)));
            if (log.size() == limit) {
                body.putObject("next").put("after", Long.toString(log.get(log.size() - 1).id()));
            }
            Http.json(ctx, 200, body);
        });
    }

    private ObjectNode shape(Webhook w) {
        ObjectNode n = Json.object();
        n.put("object", "webhook");
        n.put("id", w.id());
        n.put("url", w.url());
        ArrayNode events = n.putArray("events");
        w.events().forEach(events::add);
        n.put("createdAt", w.createdAt().toString());
        n.putObject("urls").put("location", publicUrl.get() + "/v1/orgs/" + w.orgId() + "/webhooks/" + w.id());
        return n;
    }

    private static ObjectNode delivery(WebhookDelivery d) {
        ObjectNode n = Json.object();
        n.put("object", "webhook-delivery");
        n.put("id", Long.toString(d.id()));
        n.put("entry", d.revision() + "." + d.seq());
        n.put("action", d.action());
        n.put("attempt", d.attempt());
        n.put("at", d.at().toString());
        n.put("delivered", d.delivered());
        if (d.status() == null) {
            n.putNull("status");
        } else {
            n.put("status", d.status());
        }
        n.put("error", d.error());
        n.put("durationMs", d.millis());
        return n;
    }
}
