package dev.gatehouse.model;

import java.time.Instant;

/**
 * What the store remembers of a request sent with an {@code Idempotency-Key}: a hash of the request, and
 * once it has been answered, the answer to repeat. {@code status} is null while the first request is
 * still being served.
 */
public record IdempotentRequest(String requestHash, Integer status, String contentType, String body,
                                String location, long revision, Instant createdAt) {

    public boolean answered() {
        return status != null;
    }
}
