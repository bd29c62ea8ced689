package dev.gatehouse.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.model.Webhook;
import dev.gatehouse.store.SecretBox;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Version2Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets the SQLite store must give back are sealed in the file, including those an earlier version left in clear. */
class SqliteSealedSecretsTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("gatehouse.db");
    }

    private static Webhook hook(String id, String secret) {
        return new Webhook(id, "org1", "https://example.com/" + id, List.of(), secret, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aWebhookSecretIsSealedInTheFileAndOpensAfterAReopen() throws Exception {
        try (SqliteStore store = SqliteStore.open(file())) {
            store.addWebhook(hook("h1", "the-signing-key-of-h1"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT secret, secret_sealed FROM webhooks")) {
            r.next();
            assertThat(r.getString(1)).doesNotContain("the-signing-key-of-h1");
            assertThat(r.getInt(2)).isEqualTo(1);
        }
        assertThat(new String(Files.readAllBytes(file()), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("the-signing-key-of-h1");
        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(store.webhooks("org1")).extracting(Webhook::secret).containsExactly("the-signing-key-of-h1");
        }
    }

    @Test
    void secretsAnEarlierVersionKeptInClearAreSealedOnOpenAndLeaveNoCopy() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
            }
            Version2Secrets.write(c, "db/sqlite");
        }
        try (SqliteStore store = SqliteStore.open(file())) {
            Version2Secrets.assertUsable(store);
            for (String name : List.of("gatehouse.db", "gatehouse.db-wal", "gatehouse.db-shm")) {
                Path f = dir.resolve(name);
                if (Files.exists(f)) {
                    assertThat(Version2Secrets.foundIn(Files.readAllBytes(f))).as(name + " while open").isEmpty();
                }
            }
        }
        assertThat(Version2Secrets.foundIn(Files.readAllBytes(file()))).as("gatehouse.db closed").isEmpty();
        try (SqliteStore store = SqliteStore.open(file())) {
            Version2Secrets.assertUsable(store);
        }
    }

    @Test
    void aKeyThatDoesNotOpenTheDatabaseSecretsFailsTheStartNamingTheSetting() {
        try (SqliteStore store = SqliteStore.open(file(), SecretBox.fromBase64(SecretBox.newKey()))) {
            store.addWebhook(hook("h1", "the-signing-key-of-h1"));
        }
        assertThatThrownBy(() -> SqliteStore.open(file(), SecretBox.fromBase64(SecretBox.newKey())))
                .isInstanceOf(StoreException.class).hasMessageContaining("GATEHOUSE_SECRET_KEY")
                .hasMessageNotContaining("the-signing-key-of-h1");
    }
}
