package dev.gatehouse.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A commit's rows and the changelog, in SQL that every store shares: how one write lands (its changes, its
 * changelog row, its audit entries) and how the changelog reads back.
 */
public final class SqlChangelog {
    private SqlChangelog() {
    }

    /** Writes one commit under {@code revision}, inside the caller's transaction. */
    public static void write(Connection c, long revision, Commit commit) throws SQLException {
        SqlTables.applyAll(c, commit.changes());
        SqlTables.exec(c, "INSERT INTO changelog (revision, committed_at, actor, changes) VALUES (?, ?, ?, ?)",
                revision, commit.at().toString(), commit.actor(), ChangeCodec.encode(commit.changes()));
        SqlAudit.insert(c, revision, commit);
        if (commit.request() != null) {
            SqlIdempotency.markWritten(c, commit.request().scope(), commit.request().key(), revision);
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
