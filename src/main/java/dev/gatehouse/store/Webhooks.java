package dev.gatehouse.store;

import dev.gatehouse.model.AuditPosition;

import dev.gatehouse.model.Webhook;
import dev.gatehouse.model.WebhookDelivery;
import java.time.Instant;
import java.util.List;

/** Webhooks, their delivery positions and leases, and their delivery logs. */
public interface Webhooks {

    /** Registers a webhook, positioned after the audit entries committed so far. */
    void addWebhook(Webhook webhook);

    /** Removes a webhook and its delivery log; false when the organization has no such webhook. */
    boolean removeWebhook(String orgId, String webhookId);

    /** The webhooks of an organization, or of every organization when {@code orgId} is null. */
    List<Webhook> webhooks(String orgId);

    /** The last audit entry a webhook has had delivered (or skipped), or null if it no longer exists. */
    AuditPosition webhookPosition(String webhookId);

    /** Takes or renews, until {@code until}, the right to deliver a webhook; false when another owner holds it. */
    boolean leaseWebhook(String webhookId, String owner, Instant now, Instant until);

    /**
     * Logs a delivery attempt and, when {@code advance}, moves the webhook past its entry, together.
     *
     * @return the attempt as logged, with its id
     */
    WebhookDelivery recordDelivery(WebhookDelivery attempt, String owner, boolean advance);

    /** Moves a webhook past entries it does not want, without logging them; only the lease holder can. */
    void advanceWebhook(String webhookId, String owner, AuditPosition to);

    /** A webhook's delivery log after {@code afterId}, oldest first. */
    List<WebhookDelivery> deliveries(String webhookId, long afterId, int limit);
}
