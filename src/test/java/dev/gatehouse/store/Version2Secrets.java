package dev.gatehouse.store;

import dev.gatehouse.model.IdempotentRequest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.model.Webhook;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A database as Gatehouse left it before secrets were sealed (schema version 2), holding each kind of
 * secret in clear: a webhook's signing key, the cursor-signing secret, and an idempotent answer that
 * handed out a personal token. What a store must make of it when it opens.
 */
public final class Version2Secrets {
    public static final String WEBHOOK_ID = "hook1";
    public static final String WEBHOOK_SECRET = "clear-webhook-secret-of-version-2";
    public static final byte[] CURSOR_SECRET = "clear-cursor-secret-32-bytes-v2!".getBytes(StandardCharsets.US_ASCII);
    public static final String TOKEN = "gh_clearTokenOfAVersion2IdempotentAnswer";
    public static final String SCOPE = "user:ada";
    public static final String KEY = "token-key";

    private Version2Secrets() {
    }

    /** Migrates {@code c} to version 2 of {@code folder} ("db/sqlite", "db/postgres") and writes the rows. */
    public static void write(Connection c, String folder) throws SQLException {
        Migrations.apply(c, folder, List.of("V1__schema.sql", "V2__audit_idempotency_webhooks.sql"));
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try {
            SqlTables.exec(c, "INSERT INTO webhooks (id, org_id, url, events, secret, created_at, position_revision, "
                    + "position_seq) VALUES (?, 'org1', 'https://example.com/hook', '', ?, ?, 0, 0)", WEBHOOK_ID,
                    WEBHOOK_SECRET, Instant.parse("2026-01-01T00:00:00Z").toString());
            SqlTables.exec(c, "INSERT INTO secrets (name, value) VALUES ('cursor', ?)", (Object) CURSOR_SECRET);
            SqlTables.exec(c, "INSERT INTO idempotency_keys (scope, idem_key, request_hash, status, content_type, body, "
                    + "location, revision, created_at) VALUES (?, ?, 'h', 201, 'application/json', ?, NULL, 3, ?)", SCOPE, KEY,
                    "{\"object\":\"token\",\"id\":\"t1\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"token\":\"" + TOKEN + "\"}",
                    Instant.now().toString());
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The store opened on such a database gives every secret back as it was, and no replay repeats the token. */
    public static void assertUsable(Store store) {
        List<Webhook> hooks = store.webhooks(null);
        assertThat(hooks).extracting(Webhook::secret).containsExactly(WEBHOOK_SECRET);
        assertThat(store.secret("cursor")).isEqualTo(CURSOR_SECRET);
        Instant now = Instant.now();
        IdempotentRequest answer = store.reserveIdempotencyKey(SCOPE, KEY, "h", now, now.minusSeconds(3600));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body()).doesNotContain(TOKEN).doesNotContain("\"token\":").containsPattern("\"id\":\\s*\"t1\"")
                .containsPattern("\"withheld\":\\s*\\[\"token\"\\]");
    }

    /** Where the clear values of {@link #write} still are in {@code content}. */
    public static List<String> foundIn(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        return java.util.stream.Stream.of(WEBHOOK_SECRET, new String(CURSOR_SECRET, StandardCharsets.ISO_8859_1), TOKEN)
                .filter(text::contains).toList();
    }
}
