package dev.gatehouse.store;

import dev.gatehouse.model.IdempotentRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.gatehouse.model.Change;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link IdempotencyKeys}: reserved, marked by the write made under them, answered,
 * released, taken over once abandoned, forgotten after their lifetime. Every store runs it
 * through {@link StoreConformanceTest}.
 */
public interface IdempotencyContract extends StoreFixture {
    @Test
    default void idempotencyKeysAreReservedAnsweredReleasedAndForgottenAfterTheirLifetime() {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        Instant dayAgo = now.minusSeconds(86_400);
        assertThat(store().reserveIdempotencyKey("u1", "k", "h1", now, dayAgo)).isNull();
        IdempotentRequest pending = store().reserveIdempotencyKey("u1", "k", "h1", now, dayAgo);
        assertThat(pending.requestHash()).isEqualTo("h1");
        assertThat(pending.answered()).isFalse();
        // Another caller's key of the same name is its own.
        assertThat(store().reserveIdempotencyKey("u2", "k", "h2", now, dayAgo)).isNull();

        store().completeIdempotencyKey("u1", "k", new IdempotentRequest(null, 201, "application/json", "{\"id\":1}",
                "http://x/1", 7, null));
        IdempotentRequest answered = store().reserveIdempotencyKey("u1", "k", "other", now.plusSeconds(5), dayAgo);
        assertThat(answered).isEqualTo(new IdempotentRequest("h1", 201, "application/json", "{\"id\":1}", "http://x/1",
                7, now));
        // Releasing does not forget an answered key; it forgets one whose request failed.
        store().releaseIdempotencyKey("u1", "k");
        assertThat(store().reserveIdempotencyKey("u1", "k", "h1", now, dayAgo)).isNotNull();
        store().releaseIdempotencyKey("u2", "k");
        assertThat(store().reserveIdempotencyKey("u2", "k", "h3", now, dayAgo)).isNull();
        // A day later the key is free again.
        assertThat(store().reserveIdempotencyKey("u1", "k", "h9", now.plusSeconds(86_401), now.plusSeconds(1))).isNull();
    }

    @Test
    default void aKeyMarkedByTheWriteMadeUnderItSaysTheWriteLandedAndIsNotReleased() {
        Instant now = Instant.now();
        Instant dayAgo = now.minusSeconds(86_400);
        assertThat(store().reserveIdempotencyKey("u1", "landed", "h1", now, dayAgo)).isNull();
        assertThat(store().reserveIdempotencyKey("u1", "lost", "h2", now, dayAgo)).isNull();
        long r = store().commit(new Commit(Commit.ANY, "u1", now, List.of(new Change.OrganizationPut(Samples.ORG)), List.of(),
                new Commit.RequestKey("u1", "landed")));
        // The request's answer never came (its connection broke): the store still knows the write landed.
        store().releaseIdempotencyKey("u1", "landed");
        store().releaseIdempotencyKey("u1", "lost");
        IdempotentRequest landed = store().reserveIdempotencyKey("u1", "landed", "h1", now, dayAgo);
        assertThat(landed).isNotNull();
        assertThat(landed.answered()).isFalse();
        assertThat(landed.revision()).isEqualTo(r);
        assertThat(store().reserveIdempotencyKey("u1", "lost", "h2", now, dayAgo)).as("free for a real retry").isNull();
        // A write does not mark another caller's key of the same name.
        assertThat(store().reserveIdempotencyKey("u2", "landed", "h3", now, dayAgo)).isNull();
    }

    @Test
    default void aReservationWhoseRequestDiedWithoutWritingIsTakenOverOnceAbandoned() {
        Instant then = Instant.parse("2026-11-30T10:00:00Z");
        Instant dayAgo = then.minusSeconds(86_400);
        assertThat(store().reserveIdempotencyKey("u1", "k", "h1", then, dayAgo)).isNull();
        assertThat(store().reserveIdempotencyKey("u1", "k", "h1", then.plusSeconds(5), dayAgo)).as("still running").isNotNull();
        Instant later = then.plus(SqlIdempotency.ABANDONED).plusSeconds(1);
        assertThat(store().reserveIdempotencyKey("u1", "k", "h1", later, dayAgo)).as("abandoned").isNull();
    }
}
