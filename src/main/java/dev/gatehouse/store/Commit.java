package dev.gatehouse.store;

import dev.gatehouse.model.AuditEvent;
import dev.gatehouse.model.Change;
import java.time.Instant;
import java.util.List;

/**
 * One write as the store receives it.
 *
 * @param expectedRevision the revision the write was planned against: the store refuses the commit with a
 *                         {@link StaleRevisionException} when its latest revision is another one, because
 *                         another node wrote in between and the write's checks may no longer hold;
 *                         {@link #ANY} skips the check (bulk loads that plan nothing)
 * @param actor            who made the change: a user id, or {@code "system"}
 * @param at               when, as recorded in the changelog and the audit log
 * @param changes          the changes, applied in order
 * @param audit            what the changes did, written to the audit log in the same transaction
 * @param request          the idempotency key the write was made under, or null: the store marks the key
 *                         with the write's revision in the same transaction, so that a retry after an answer
 *                         lost with the connection learns that the write landed instead of making it again
 */
public record Commit(long expectedRevision, String actor, Instant at, List<Change> changes, List<AuditEvent> audit,
                     RequestKey request) {
    public static final long ANY = -1;

    /** An idempotency key, in its caller's scope. */
    public record RequestKey(String scope, String key) {
    }

    public Commit {
        changes = List.copyOf(changes);
        audit = List.copyOf(audit);
    }

    public Commit(long expectedRevision, String actor, Instant at, List<Change> changes, List<AuditEvent> audit) {
        this(expectedRevision, actor, at, changes, audit, null);
    }
}
