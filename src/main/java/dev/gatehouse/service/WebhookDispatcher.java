package dev.gatehouse.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditPosition;
import dev.gatehouse.model.Webhook;
import dev.gatehouse.model.WebhookDelivery;
import dev.gatehouse.store.AuditLog;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Webhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers audit entries to webhooks: at least once, one at a time and in order per webhook, signed, and
 * retried with exponential backoff while the receiver fails.
 *
 * <p>What is pending is the audit log after the webhook's stored position, so nothing is lost by a
 * restart: the next round starts where the store says. Of several nodes, the one holding a webhook's
 * lease delivers it. An entry is logged before the position moves, and both happen in one transaction,
 * so a crash between delivering and recording can only repeat an entry, never skip one.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 100;

    /** How often to look for new entries, how to back off, and how long to wait for a receiver. */
    public record Timing(Duration poll, Duration firstRetry, Duration maxRetry, Duration timeout, Duration lease) {
        public static Timing standard() {
            return new Timing(Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofMinutes(5),
                    Duration.ofSeconds(10), Duration.ofSeconds(30));
        }
    }

    private final Webhooks webhooks;
    private final AuditLog log;
    private final Mint mint;
    private final Metrics metrics;
    private final WebhookPolicy policy;
    private final Timing timing;
    private final String node;
    private final HttpClient client;
    /** Consecutive failures, and when the next try is due, per webhook; a restart simply tries again. */
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, Instant> notBefore = new HashMap<>();
    private final Background background = new Background("gatehouse-webhooks", this::loop);

    WebhookDispatcher(Webhooks webhooks, AuditLog log, Mint mint, Metrics metrics, WebhookPolicy policy, Timing timing) {
        this.webhooks = webhooks;
        this.log = log;
        this.mint = mint;
        this.metrics = metrics;
        this.policy = policy;
        this.timing = timing;
        this.node = mint.newId();
        this.client = HttpClient.newBuilder().connectTimeout(timing.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public void start() {
        background.start();
    }

    private void loop() {
        while (background.running()) {
            try {
                runOnce();
            } catch (StoreException e) {
                LOG.warn("webhook delivery paused: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("webhook delivery failed unexpectedly", e);
            }
            try {
                Thread.sleep(timing.poll().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One round: every webhook whose retry is due gets what is pending for it. */
    public void runOnce() {
        int behind = 0;
        for (Webhook w : webhooks.webhooks(null)) {
            Instant due = notBefore.get(w.id());
            if (due != null && mint.now().isBefore(due)) {
                // Waiting for its retry: it still has what failed to deliver.
                behind++;
                continue;
            }
            if (!pending(w)) {
                // Nothing to deliver: no lease taken, so an idle round writes nothing to the database.
                continue;
            }
            Instant now = mint.now();
            if (webhooks.leaseWebhook(w.id(), node, now, now.plus(timing.lease()))) {
                deliverPending(w);
            }
            if (pending(w)) {
                behind++;
            }
        }
        metrics.webhookBacklog(behind);
    }

    private boolean pending(Webhook w) {
        AuditPosition position = webhooks.webhookPosition(w.id());
        return position != null && !log.auditLog(w.orgId(), position, 1).isEmpty();
    }

    private void deliverPending(Webhook w) {
        AuditPosition position = webhooks.webhookPosition(w.id());
        if (position == null) {
            return;
        }
        List<AuditEntry> entries = log.auditLog(w.orgId(), position, BATCH);
        AuditPosition skippedTo = null;
        for (AuditEntry e : entries) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            if (!w.wants(e.event().action())) {
                skippedTo = new AuditPosition(e.revision(), e.seq());
                continue;
            }
            if (skippedTo != null) {
                webhooks.advanceWebhook(w.id(), node, skippedTo);
                skippedTo = null;
            }
            if (!deliver(w, e)) {
                return;
            }
        }
        if (skippedTo != null) {
            webhooks.advanceWebhook(w.id(), node, skippedTo);
        }
    }

    /** Delivers one entry; false when it failed and the webhook now waits for its retry. */
    private boolean deliver(Webhook w, AuditEntry e) {
        ObjectNode payload = AuditJson.entry(e);
        payload.put("webhook", w.id());
        String body = AuditJson.write(payload);
        int attempt = failures.getOrDefault(w.id(), 0) + 1;
        Instant at = mint.now();
        long start = System.nanoTime();
        Integer status = null;
        String error;
        try {
            // Checked again at delivery: the host may resolve elsewhere than when the webhook was registered.
            URI uri = policy.check(w.url());
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timing.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Gatehouse-Webhooks")
                    .header("X-Gatehouse-Event", e.event().action())
                    .header("X-Gatehouse-Delivery", w.id() + ":" + AuditJson.position(e))
                    .header("X-Gatehouse-Signature", "sha256=" + sign(w.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            error = status >= 200 && status < 300 ? null : "the receiver answered " + status;
        } catch (ApiException x) {
            error = x.getMessage();
        } catch (java.io.IOException x) {
            error = "no answer: " + (x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage());
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            background.stop();
            error = "interrupted while delivering";
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        webhooks.recordDelivery(new WebhookDelivery(0, w.id(), e.revision(), e.seq(), e.event().action(), attempt,
                at, status, error, millis), node, error == null);
        metrics.webhookDelivered(error == null);
        if (error == null) {
            failures.remove(w.id());
            notBefore.remove(w.id());
            return true;
        }
        failures.put(w.id(), attempt);
        long backoff = Math.min(timing.maxRetry().toMillis(), timing.firstRetry().toMillis() << Math.min(attempt - 1, 20));
        notBefore.put(w.id(), mint.now().plusMillis(backoff));
        return false;
    }

    /** HMAC-SHA256 of the body with the webhook's secret, in hex: what a receiver recomputes to trust a delivery. */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        background.close();
    }
}
