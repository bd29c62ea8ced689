package dev.gatehouse.store;

import dev.gatehouse.model.IdempotentRequest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Idempotency keys, in SQL that every store shares. A key is scoped (by the caller) so that two callers
 * choosing the same key never see each other's answers.
 */
public final class SqlIdempotency {
    /** How old an unanswered reservation with no write is before it counts as abandoned. */
    public static final java.time.Duration ABANDONED = java.time.Duration.ofSeconds(60);

    private SqlIdempotency() {
    }

    /**
     * Reserves {@code key} for a request, or returns what the store already holds for it. Keys created before
     * {@code expiredBefore} are forgotten first, so an expired key is reserved afresh.
     *
     * @return null when this call reserved the key; otherwise the earlier request
     */
    public static IdempotentRequest reserve(Connection c, String scope, String key, String requestHash, Instant now,
                                            Instant expiredBefore) throws SQLException {
        SqlTables.exec(c, "DELETE FROM idempotency_keys WHERE created_at < ?", expiredBefore.toString());
        // A reservation whose request died with its node (no answer, no write landed) would block the key for
        // a day; no write runs this long, so past this age it is taken over.
        SqlTables.exec(c, "DELETE FROM idempotency_keys WHERE scope = ? AND idem_key = ? AND status IS NULL "
                + "AND revision IS NULL AND created_at < ?", scope, key, now.minus(ABANDONED).toString());
        int inserted = SqlTables.exec(c, "INSERT INTO idempotency_keys (scope, idem_key, request_hash, created_at) "
                + "VALUES (?,?,?,?) ON CONFLICT (scope, idem_key) DO NOTHING", scope, key, requestHash, now.toString());
        if (inserted == 1) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT request_hash, status, content_type, body, location, "
                + "revision, created_at FROM idempotency_keys WHERE scope = ? AND idem_key = ?")) {
            ps.setString(1, scope);
            ps.setString(2, key);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("idempotency key vanished while being read");
                }
                int status = r.getInt(2);
                boolean pending = r.wasNull();
                return new IdempotentRequest(r.getString(1), pending ? null : status, r.getString(3), r.getString(4),
                        r.getString(5), r.getLong(6), Instant.parse(r.getString(7)));
            }
        }
    }

    /** Stores the answer to a reserved key. */
    public static void complete(Connection c, String scope, String key, IdempotentRequest answer) throws SQLException {
        SqlTables.exec(c, "UPDATE idempotency_keys SET status = ?, content_type = ?, body = ?, location = ?, revision = ? "
                        + "WHERE scope = ? AND idem_key = ?", answer.status(), answer.contentType(), answer.body(),
                answer.location(), answer.revision(), scope, key);
    }

    /**
     * Marks a reserved key with the revision of the write made under it, in that write's transaction: the key
     * then says the write landed, whatever becomes of its answer.
     */
    public static void markWritten(Connection c, String scope, String key, long revision) throws SQLException {
        SqlTables.exec(c, "UPDATE idempotency_keys SET revision = ? WHERE scope = ? AND idem_key = ? AND status IS NULL",
                revision, scope, key);
    }

    /**
     * Forgets a reserved key whose request could not be answered, so that it can be retried; not when a write
     * made under it landed (its outcome was unknown to the request, but the store knows it).
     */
    public static void release(Connection c, String scope, String key) throws SQLException {
        SqlTables.exec(c, "DELETE FROM idempotency_keys WHERE scope = ? AND idem_key = ? AND status IS NULL "
                + "AND revision IS NULL", scope, key);
    }
}
