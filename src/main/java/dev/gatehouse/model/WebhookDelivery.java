package dev.gatehouse.model;

import java.time.Instant;

/**
 * One attempt to deliver one audit entry to one webhook, as the delivery log keeps it.
 *
 * @param status the receiver's HTTP status, or null when no answer came (refused, timed out)
 * @param error  why the attempt failed, or null when it succeeded
 */
public record WebhookDelivery(long id, String webhookId, long revision, int seq, String action, int attempt,
                              Instant at, Integer status, String error, long millis) {

    public boolean delivered() {
        return error == null;
    }
}
