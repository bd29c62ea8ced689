package dev.gatehouse.service;

import dev.gatehouse.model.IdempotentRequest;
import dev.gatehouse.store.IdempotencyKeys;
import dev.gatehouse.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idempotency keys: a retried write with the same key and the same request gets the first answer again
 * instead of being done twice, for 24 hours.
 *
 * <p>Keys live in the store, so a retry that reaches another node is recognised too. A key is reserved
 * before the request runs, which is what makes two racing retries safe: the second sees the reservation
 * and is told to come back, instead of writing a second time.
 */
public final class IdempotencyService {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyService.class);
    public static final Duration LIFETIME = Duration.ofHours(24);

    private final IdempotencyKeys keys;
    private final Mint mint;
    private final Metrics metrics;

    public IdempotencyService(IdempotencyKeys keys, Mint mint, Metrics metrics) {
        this.keys = keys;
        this.mint = mint;
        this.metrics = metrics;
    }

    /** What to do with a request carrying a key. */
    public sealed interface Decision {
        /** The key is new: run the request, then {@link #complete} or {@link #release} it. */
        record Run() implements Decision { }

        /** The same request was answered before: repeat this answer. */
        record Replay(IdempotentRequest answer) implements Decision { }
    }

    /**
     * Reserves the key or finds its earlier use.
     *
     * @throws ApiException 422 when the key was used with another request, 409 while its first request runs
     */
    public Decision begin(Caller caller, String key, String requestHash) {
        Instant now = mint.now();
        IdempotentRequest earlier = keys.reserveIdempotencyKey(caller.idempotencyScope(), key, requestHash, now,
                now.minus(LIFETIME));
        if (earlier == null) {
            return new Decision.Run();
        }
        if (!earlier.requestHash().equals(requestHash)) {
            throw new ApiException(422, "the Idempotency-Key '" + key + "' was used with another request in the last"
                    + " 24 hours; use a new key for a new request");
        }
        if (!earlier.answered() && earlier.revision() > 0) {
            // The write landed (its key was marked in its transaction) but no answer was stored: it is being
            // answered right now, or its answer was lost with a connection. Doing it again would do it twice.
            throw new ApiException(409, "the request with the Idempotency-Key '" + key + "' was written at revision "
                    + earlier.revision() + ", but its answer is not stored (it is being answered, or the answer was "
                    + "lost when a connection broke); it will not be done twice: read the current state, with "
                    + "X-Gatehouse-Min-Revision: " + earlier.revision());
        }
        if (!earlier.answered()) {
            throw ApiException.conflict("a request with the Idempotency-Key '" + key + "' is still running; retry"
                    + " when it has been answered");
        }
        metrics.idempotencyReplay();
        return new Decision.Replay(earlier);
    }

    /**
     * Stores the answer to a key's request. The request has been answered whatever happens here: when the
     * database fails now, the answer must still reach the client (a 503 would say nothing was written, of a
     * write that was), and the key keeps the mark its write left, so a retry learns that the write landed.
     */
    public void complete(Caller caller, String key, IdempotentRequest answer) {
        try {
            keys.completeIdempotencyKey(caller.idempotencyScope(), key, answer);
        } catch (StoreException e) {
            LOG.warn("the answer to Idempotency-Key request of {} was not stored ({}); a retry is told the write "
                    + "landed", caller.actor(), e.getMessage());
        }
    }

    /**
     * Forgets a key whose request failed, so that a retry is a real second try. When the database fails now,
     * the failure already answered stands; the key frees itself once abandoned ({@code SqlIdempotency#ABANDONED}).
     */
    public void release(Caller caller, String key) {
        try {
            keys.releaseIdempotencyKey(caller.idempotencyScope(), key);
        } catch (StoreException e) {
            LOG.warn("an Idempotency-Key of {} could not be released ({}); it frees itself once abandoned",
                    caller.actor(), e.getMessage());
        }
    }
}
