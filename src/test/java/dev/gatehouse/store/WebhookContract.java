package dev.gatehouse.store;

import dev.gatehouse.model.AuditPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Webhook;
import dev.gatehouse.model.WebhookDelivery;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Webhooks}: stored, positioned after what was committed, leased by one owner at a
 * time, their deliveries logged. Every store runs it
 * through {@link StoreConformanceTest}.
 */
public interface WebhookContract extends StoreFixture {
    @Test
    default void webhooksAreStoredPositionedLeasedAndLogged() {
        store().commit(new Commit(0, "system", Instant.now(), List.of(new Change.OrganizationPut(Samples.ORG)),
                List.of(AuditLogContract.event("o1", "organization.created"))));
        Webhook hook = new Webhook("w1", "o1", "https://hooks.example.com/in", List.of("grant.*"), "s3cret-s3cret-s3cret",
                Samples.T);
        store().addWebhook(hook);
        store().addWebhook(new Webhook("w2", "o2", "https://other.example.com", List.of(), "another-secret-here", Samples.T2));
        assertThat(store().webhooks("o1")).containsExactly(hook);
        assertThat(store().webhooks(null)).extracting(Webhook::id).containsExactly("w1", "w2");
        // A new webhook hears about what comes after it, not about the past.
        assertThat(store().webhookPosition("w1")).isEqualTo(AuditPosition.afterRevision(1));

        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        assertThat(store().leaseWebhook("w1", "node-a", now, now.plusSeconds(30))).isTrue();
        assertThat(store().leaseWebhook("w1", "node-b", now.plusSeconds(1), now.plusSeconds(31))).isFalse();
        assertThat(store().leaseWebhook("w1", "node-a", now.plusSeconds(2), now.plusSeconds(32))).isTrue();

        WebhookDelivery failed = store().recordDelivery(new WebhookDelivery(0, "w1", 2, 0, "grant.updated", 1, now, 500,
                "the receiver answered 500", 12), "node-a", false);
        assertThat(failed.id()).isEqualTo(1);
        assertThat(store().webhookPosition("w1")).isEqualTo(AuditPosition.afterRevision(1));
        // Only the lease holder moves the position.
        WebhookDelivery unanswered = store().recordDelivery(new WebhookDelivery(0, "w1", 2, 0, "grant.updated", 2, now, null,
                "no answer: connection refused", 3), "node-b", true);
        assertThat(store().webhookPosition("w1")).isEqualTo(AuditPosition.afterRevision(1));
        WebhookDelivery ok = store().recordDelivery(new WebhookDelivery(0, "w1", 2, 0, "grant.updated", 3, now, 204, null,
                4), "node-a", true);
        assertThat(store().webhookPosition("w1")).isEqualTo(new AuditPosition(2, 0));
        store().advanceWebhook("w1", "node-a", new AuditPosition(3, 4));
        assertThat(store().webhookPosition("w1")).isEqualTo(new AuditPosition(3, 4));

        assertThat(store().deliveries("w1", 0, 10)).extracting(WebhookDelivery::id).containsExactly(1L, 2L, 3L);
        assertThat(store().deliveries("w1", 0, 10).get(2)).isEqualTo(ok);
        assertThat(store().deliveries("w1", 0, 10).get(0)).isEqualTo(failed);
        assertThat(store().deliveries("w1", 0, 10).get(1)).isEqualTo(unanswered);
        assertThat(unanswered.status()).isNull();
        assertThat(store().deliveries("w1", 1, 1)).extracting(WebhookDelivery::id).containsExactly(2L);

        // A lease that ran out can be taken over.
        assertThat(store().leaseWebhook("w1", "node-b", now.plusSeconds(40), now.plusSeconds(70))).isTrue();

        assertThat(store().removeWebhook("o2", "w1")).isFalse();
        assertThat(store().removeWebhook("o1", "w1")).isTrue();
        assertThat(store().webhooks("o1")).isEmpty();
        assertThat(store().deliveries("w1", 0, 10)).isEmpty();
        assertThat(store().webhookPosition("w1")).isNull();
    }
}
