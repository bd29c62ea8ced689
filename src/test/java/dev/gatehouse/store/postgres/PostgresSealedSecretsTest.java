package dev.gatehouse.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.model.Webhook;
import dev.gatehouse.store.SecretBox;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Version2Secrets;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Secrets the PostgreSQL store must give back are sealed in the database, including those of an earlier version. */
class PostgresSealedSecretsTest {
    static TestPostgres server;

    @BeforeAll
    static void startServer() {
        server = TestPostgres.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static Connection connect(PostgresTarget db) throws Exception {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    /** Every text value of the tables that hold secrets, as one string. */
    private static String contents(PostgresTarget db) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            for (String q : List.of("SELECT secret FROM webhooks", "SELECT body FROM idempotency_keys")) {
                try (ResultSet r = s.executeQuery(q)) {
                    while (r.next()) {
                        all.append(r.getString(1)).append('\n');
                    }
                }
            }
            try (ResultSet r = s.executeQuery("SELECT value FROM secrets")) {
                while (r.next()) {
                    all.append(new String(r.getBytes(1), StandardCharsets.ISO_8859_1)).append('\n');
                }
            }
        }
        return all.toString();
    }

    @Test
    void secretsAnEarlierVersionKeptInClearAreSealedOnOpenAndStillWork() throws Exception {
        PostgresTarget db = server.freshDatabase();
        try (Connection c = connect(db)) {
            Version2Secrets.write(c, "db/postgres");
        }
        try (PostgresStore store = PostgresStore.open(db, Duration.ofSeconds(5), TestPostgres.KEY)) {
            Version2Secrets.assertUsable(store);
        }
        assertThat(Version2Secrets.foundIn(contents(db).getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        try (PostgresStore store = PostgresStore.open(db, Duration.ofSeconds(5), TestPostgres.KEY)) {
            Version2Secrets.assertUsable(store);
        }
    }

    @Test
    void aNodeWithAnotherKeyRefusesToStartNamingTheSetting() {
        PostgresTarget db = server.migratedDatabase();
        try (PostgresStore store = PostgresStore.open(db, Duration.ofSeconds(5), TestPostgres.KEY)) {
            store.addWebhook(new Webhook("h1", "org1", "https://example.com/h1", List.of(), "the-signing-key-of-h1",
                    Instant.parse("2026-01-01T00:00:00Z")));
            assertThat(store.webhooks(null)).extracting(Webhook::secret).containsExactly("the-signing-key-of-h1");
        }
        assertThatThrownBy(() -> PostgresStore.open(db, Duration.ofSeconds(5), SecretBox.fromBase64(SecretBox.newKey())))
                .isInstanceOf(StoreException.class).hasMessageContaining("GATEHOUSE_SECRET_KEY");
    }
}
