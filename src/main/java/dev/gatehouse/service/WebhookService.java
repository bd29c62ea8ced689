package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.store.Webhooks;
import dev.gatehouse.engine.AuditTrail;
import dev.gatehouse.model.Webhook;
import dev.gatehouse.model.WebhookDelivery;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Registering, listing and removing an organization's webhooks, and reading their delivery logs. Admins only. */
public final class WebhookService {
    private static final Pattern FAMILY = Pattern.compile("[a-z_]+\\.\\*");
    static final int MAX_URL = 2048;

    private final Reads reads;
    private final Mint mint;
    private final Webhooks webhooks;
    private final WebhookPolicy policy;

    public WebhookService(Reads reads, Mint mint, Webhooks webhooks, WebhookPolicy policy) {
        this.reads = reads;
        this.mint = mint;
        this.webhooks = webhooks;
        this.policy = policy;
    }

    /**
     * Registers a webhook. It hears about entries committed from now on.
     *
     * @param events actions or families ({@code grant.*}); null or empty for all
     */
    public Webhook create(Caller caller, String orgId, String url, List<String> events, String secret) {
        reads.read(w -> Guard.orgAdmin(w, caller, orgId));
        if (url == null || url.length() > MAX_URL) {
            throw ApiException.badRequest("'url' is required, at most " + MAX_URL + " characters");
        }
        policy.check(url);
        if (secret == null || secret.length() < 16 || secret.length() > 256) {
            throw ApiException.badRequest("'secret' is required: 16 to 256 characters, the key the deliveries are signed"
                    + " with");
        }
        List<String> wanted = new ArrayList<>();
        for (String e : events == null ? List.<String>of() : events) {
            boolean family = FAMILY.matcher(e).matches()
                    && AuditTrail.ACTIONS.stream().anyMatch(a -> a.startsWith(e.substring(0, e.length() - 1)));
            if (!family && !AuditTrail.ACTIONS.contains(e)) {
                throw ApiException.badRequest("'" + e + "' is not an event; use an action such as grant.updated or a "
                        + "family such as grant.*");
            }
            if (!wanted.contains(e)) {
                wanted.add(e);
            }
        }
        Webhook webhook = new Webhook(mint.newId(), orgId, url, wanted, secret, mint.now());
        webhooks.addWebhook(webhook);
        return webhook;
    }

    public List<Webhook> list(Caller caller, String orgId) {
        reads.read(w -> Guard.orgAdmin(w, caller, orgId));
        return webhooks.webhooks(orgId);
    }

    public Webhook get(Caller caller, String orgId, String webhookId) {
        return list(caller, orgId).stream().filter(w -> w.id().equals(webhookId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no webhook with id '" + webhookId + "'"));
    }

    /** @return true when the webhook existed */
    public boolean delete(Caller caller, String orgId, String webhookId) {
        reads.read(w -> Guard.orgAdmin(w, caller, orgId));
        return webhooks.removeWebhook(orgId, webhookId);
    }

    public List<WebhookDelivery> deliveries(Caller caller, String orgId, String webhookId, long afterId, int limit) {
        get(caller, orgId, webhookId);
        return webhooks.deliveries(webhookId, afterId, limit);
    }
}
