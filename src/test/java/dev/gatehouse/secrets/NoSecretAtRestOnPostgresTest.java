package dev.gatehouse.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.postgres.PostgresTarget;
import dev.gatehouse.store.postgres.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * On PostgreSQL the data directory keeps only the admin token; the database is searched by reading every
 * text and binary column of every table.
 */
class NoSecretAtRestOnPostgresTest extends NoSecretAtRestContract {
    static TestPostgres server;
    PostgresTarget db;

    @BeforeAll
    static void startServer() {
        server = TestPostgres.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void database() {
        db = server.freshDatabase();
    }

    @Override
    Map<String, String> databaseEnv() {
        return Map.of("GATEHOUSE_DB_URL", db.url(), "GATEHOUSE_DB_USER", db.user(),
                "GATEHOUSE_SECRET_KEY", TestPostgres.SECRET_KEY);
    }

    @Override
    byte[] cursorSecret(Path dataCopy) {
        try (PostgresStore store = PostgresStore.open(db, Duration.ofSeconds(5), TestPostgres.KEY)) {
            return store.secret("cursor");
        }
    }

    @Override
    byte[] encryptionKey(Path data) {
        return Base64.getDecoder().decode(TestPostgres.SECRET_KEY);
    }

    @Override
    Map<String, List<byte[]>> databaseValues() throws Exception {
        Map<String, List<byte[]>> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns "
                    + "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position")) {
                while (r.next()) {
                    columns.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
                }
            }
            for (String[] col : columns) {
                boolean binary = col[2].equals("bytea");
                // Every column, whatever its type, as it would be dumped: text, or the raw bytes of a bytea.
                String select = "SELECT \"" + col[1] + "\"" + (binary ? "" : "::text") + " FROM \"" + col[0] + "\"";
                List<byte[]> values = new ArrayList<>();
                try (ResultSet r = s.executeQuery(select)) {
                    while (r.next()) {
                        byte[] v = binary ? r.getBytes(1)
                                : r.getString(1) == null ? null : r.getString(1).getBytes(StandardCharsets.UTF_8);
                        if (v != null) {
                            values.add(v);
                        }
                    }
                }
                out.put(col[0] + "." + col[1], values);
            }
        }
        // A search that read nothing would prove nothing: the rows the secrets would be in were read.
        assertThat(out.get("webhooks.secret")).hasSize(2);
        assertThat(out.get("secrets.value")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(out.get("idempotency_keys.body")).hasSizeGreaterThanOrEqualTo(2);
        return out;
    }
}
