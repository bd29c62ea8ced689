package dev.gatehouse.store.migrate;

import dev.gatehouse.model.Change;
import dev.gatehouse.store.ChangeCodec;
import dev.gatehouse.store.SecretBox;
import dev.gatehouse.store.Snapshot;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.postgres.PostgresTarget;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The check after a copy: every table's rows counted on both sides, and a digest of the state each store
 * loads (the snapshot a node builds its index from) at its revision.
 *
 * @param sqliteRows   each copied table's rows in SQLite, now
 * @param postgresRows the same tables' rows in PostgreSQL
 * @param sqliteState  the digest of SQLite's state
 * @param postgresState the digest of PostgreSQL's state
 */
public record Verification(Map<String, Long> sqliteRows, Map<String, Long> postgresRows, String sqliteState,
                           String postgresState) {

    public boolean matches() {
        return sqliteRows.equals(postgresRows) && sqliteState.equals(postgresState);
    }

    public static Verification of(Path sqliteFile, SecretBox box, PostgresTarget target, Duration wait,
                                  Iterable<String> tables) {
        Map<String, Long> liteRows;
        Map<String, Long> pgRows;
        try (Connection lite = SqliteToPostgres.readOnly(sqliteFile); Connection pg = SqliteToPostgres.connect(target)) {
            liteRows = SqliteToPostgres.count(lite, tables);
            pgRows = SqliteToPostgres.count(pg, tables);
        } catch (SQLException e) {
            throw new StoreException("cannot count the rows: " + e.getMessage(), e);
        }
        String liteState;
        try (Store s = SqliteStore.open(sqliteFile, box)) {
            liteState = digest(s.load());
        }
        String pgState;
        try (Store s = PostgresStore.open(target, wait, box)) {
            pgState = digest(s.load());
        }
        return new Verification(liteRows, pgRows, liteState, pgState);
    }

    /**
     * SHA-256 over the revision and each record as the changelog encodes it, sorted: the stores list rows in
     * their own collation, and the state is the same whatever the order.
     */
    static String digest(Snapshot snapshot) {
        List<String> lines = new ArrayList<>(snapshot.changes().size());
        for (Change c : snapshot.changes()) {
            lines.add(ChangeCodec.encode(List.of(c)));
        }
        lines.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("revision " + snapshot.revision() + "\n").getBytes(StandardCharsets.UTF_8));
            for (String line : lines) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
