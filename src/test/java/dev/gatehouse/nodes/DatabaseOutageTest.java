package dev.gatehouse.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.gatehouse.faults.FaultProxy;
import dev.gatehouse.http.TestApp;
import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.postgres.PostgresTarget;
import dev.gatehouse.store.postgres.TestPostgres;
import dev.gatehouse.testlog.ExpectedLog;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under a serving node: its writes answer 503 in the error format, its reads go on
 * from the index at the revision they reflect, and when the database is back it catches up with what
 * another node wrote meanwhile, and writes again.
 */
class DatabaseOutageTest {
    private static TestPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void writesAreRefusedReadsGoOnAndTheNodeCatchesUpWhenTheDatabaseReturns() throws Exception {
        PostgresTarget db = postgres.migratedDatabase();
        String dbName = db.url().substring(db.url().lastIndexOf('/') + 1);
        try (FaultProxy proxy = new FaultProxy(postgres.port())) {
            PostgresTarget viaProxy = new PostgresTarget("jdbc:postgresql://localhost:" + proxy.port() + "/" + dbName
                    + "?connectTimeout=2&socketTimeout=5", db.user(), db.password());
            // The cut node warns, as an operator should be told: its follower, listener, pool and webhooks.
            try (ExpectedLog log = ExpectedLog.of("dev.gatehouse", "com.zaxxer.hikari");
                 TestApp cut = TestApp.start(() -> PostgresStore.open(viaProxy, Duration.ofSeconds(10), TestPostgres.KEY));
                 TestApp other = TestApp.start(() -> PostgresStore.open(db, Duration.ofSeconds(10), TestPostgres.KEY))) {
                String alice = cut.user("alice");
                cut.user("bob");
                String org = cut.org("Acme", "alice");
                cut.member(org, "bob", "\"read\"");
                String space = cut.space(org, alice, "{\"title\":\"Guides\"}");
                String grant = "/v1/spaces/" + space + "/permissions/users/bob";
                long before = cut.revision();

                proxy.down();
                TestApp.Res refused = cut.patch(grant, alice, "{\"role\":\"edit\"}");
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isNotNull();
                assertThat(refused.json().get("error").get("code").asInt()).isEqualTo(503);
                TestApp.Res read = cut.get(grant + "/explain", alice);
                assertThat(read.status()).isEqualTo(200);
                assertThat(read.json().get("permission").asText()).isEqualTo("read");
                assertThat(read.header("X-Gatehouse-Revision")).isEqualTo(Long.toString(before));
                assertThat(cut.get("/readyz", null).status()).isEqualTo(503);

                assertThat(other.reads().awaitRevision(before, 10_000)).isTrue();
                TestApp.Res elsewhere = other.patch(grant, alice, "{\"role\":\"comment\"}");
                assertThat(elsewhere.status()).isEqualTo(204);
                long written = Long.parseLong(elsewhere.header("X-Gatehouse-Revision"));

                proxy.up();
                assertThat(cut.reads().awaitRevision(written, 15_000)).as("caught up after the outage").isTrue();
                assertThat(cut.get(grant + "/explain", alice).json().get("permission").asText()).isEqualTo("comment");
                TestApp.Res again = cut.patch(grant, alice, "{\"role\":\"edit\"}");
                assertThat(again.status()).as(again.toString()).isEqualTo(204);
                assertThat(cut.revision()).isGreaterThan(written);
                assertThat(log.events()).as(log.describe()).anyMatch(e -> e.getLevel() == Level.WARN
                        && e.getFormattedMessage().contains("localhost:" + proxy.port()));
            }
        }
    }
}
