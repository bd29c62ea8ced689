package dev.gatehouse.http;

import static dev.gatehouse.http.Names.*;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.model.Webhook;
import dev.gatehouse.model.WebhookDelivery;
import java.io.IOException;
import java.util.List;

/** Webhooks (never their signing secret) and their delivery log. */
final class WebhookShapes {
    private final PublicUrl url;

    WebhookShapes(PublicUrl url) {
        this.url = url;
    }

    String location(Webhook w) {
        return url.to("/v1/orgs/" + w.orgId() + "/webhooks/" + w.id());
    }

    void writeWebhook(JsonGenerator json, Webhook w) throws IOException {
        json.writeStartObject();
        Json.field(json, OBJECT, "webhook");
        Json.field(json, ID, w.id());
        Json.field(json, URL, w.url());
        Json.startArray(json, EVENTS);
        for (String e : w.events()) {
            json.writeString(e);
        }
        json.writeEndArray();
        Json.field(json, CREATED_AT, w.createdAt().toString());
        Json.startObject(json, URLS);
        Json.field(json, LOCATION, location(w));
        json.writeEndObject();
        json.writeEndObject();
    }

    void writeWebhooks(JsonGenerator json, List<Webhook> webhooks) throws IOException {
        json.writeStartObject();
        Json.startArray(json, ITEMS);
        for (Webhook w : webhooks) {
            writeWebhook(json, w);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** A page of the delivery log; {@code next.after} names the last delivery when the page is full. */
    void writeDeliveries(JsonGenerator json, List<WebhookDelivery> log, int limit) throws IOException {
        json.writeStartObject();
        Json.startArray(json, ITEMS);
        for (WebhookDelivery d : log) {
            writeDelivery(json, d);
        }
        json.writeEndArray();
        if (log.size() == limit) {
            Json.startObject(json, NEXT);
            Json.field(json, AFTER, Long.toString(log.get(log.size() - 1).id()));
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeDelivery(JsonGenerator json, WebhookDelivery d) throws IOException {
        json.writeStartObject();
        Json.field(json, OBJECT, "webhook-delivery");
        Json.field(json, ID, Long.toString(d.id()));
        Json.field(json, ENTRY, d.revision() + "." + d.seq());
        Json.field(json, ACTION, d.action());
        Json.field(json, ATTEMPT, d.attempt());
        Json.field(json, AT, d.at().toString());
        Json.field(json, DELIVERED, d.delivered());
        json.writeFieldName(STATUS);
        if (d.status() == null) {
            json.writeNull();
        } else {
            json.writeNumber(d.status());
        }
        Json.field(json, ERROR, d.error());
        Json.field(json, DURATION_MS, d.millis());
        json.writeEndObject();
    }
}
