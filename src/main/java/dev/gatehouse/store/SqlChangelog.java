package dev.gatehouse.store;

import dev.gatehouse.model.Change;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A commit's rows and the changelog, in SQL that every store shares: how one write lands (its changes, its
 * changelog row, its audit entries) and how the changelog reads back.
 */
public final class SqlChangelog {
    private SqlChangelog() {
    }

    /** Changes from which a write's changelog text is made on another core while its rows are written. */
    private static final int ENCODE_ASIDE = 1_000;

    /** Writes one commit under {@code revision}, inside the caller's transaction. */
    public static void write(Connection c, long revision, Commit commit) throws SQLException {
        List<Change> changes = commit.changes();
        CompletableFuture<String> text = changes.size() < ENCODE_ASIDE
                ? CompletableFuture.completedFuture(ChangeCodec.encode(changes))
                : CompletableFuture.supplyAsync(() -> ChangeCodec.encode(changes));
        try {
            SqlTables.applyAll(c, changes);
        } catch (SQLException | RuntimeException e) {
            text.cancel(false);
            throw e;
        }
        SqlTables.exec(c, "INSERT INTO changelog (revision, committed_at, actor, changes) VALUES (?, ?, ?, ?)",
                revision, commit.at().toString(), commit.actor(), encoded(text));
        SqlAudit.insert(c, revision, commit);
        if (commit.request() != null) {
            SqlIdempotency.markWritten(c, commit.request().scope(), commit.request().key(), revision);
        }
    }

    private static String encoded(CompletableFuture<String> text) {
        try {
            return text.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The changelog after {@code revision}, oldest first, at most {@code limit} entries. */
    public static List<ChangelogEntry> after(Connection c, long revision, int limit) throws SQLException {
        return SqlTables.query(c,
                "SELECT revision, committed_at, actor, changes FROM changelog WHERE revision > ? ORDER BY revision LIMIT ?",
                r -> new ChangelogEntry(r.getLong(1), Instant.parse(r.getString(2)), r.getString(3),
                        ChangeCodec.decode(r.getString(4))), revision, limit);
    }
}
