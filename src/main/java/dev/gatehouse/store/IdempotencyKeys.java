package dev.gatehouse.store;

import dev.gatehouse.model.IdempotentRequest;

import java.time.Instant;

/**
 * Idempotency keys: reserved before a write runs, marked in the write's own transaction (see
 * {@link Commit#request}), answered after it.
 */
public interface IdempotencyKeys {

    /**
     * Reserves an idempotency key for a request; keys created before {@code expiredBefore} are forgotten
     * first.
     *
     * @return null when this call reserved the key, otherwise what the store holds for it
     */
    IdempotentRequest reserveIdempotencyKey(String scope, String key, String requestHash, Instant now,
                                            Instant expiredBefore);

    /** Stores the answer to a key this node reserved. */
    void completeIdempotencyKey(String scope, String key, IdempotentRequest answer);

    /** Forgets a reserved key whose request got no answer worth repeating (the server failed). */
    void releaseIdempotencyKey(String scope, String key);
}
