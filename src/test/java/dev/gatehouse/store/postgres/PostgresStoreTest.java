package dev.gatehouse.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.User;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreConformanceTest;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.testlog.ExpectedLog;
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

/** The store contract on a real PostgreSQL, and what only PostgreSQL has. */
class PostgresStoreTest extends StoreConformanceTest {
    static TestPostgres server;
    private PostgresTarget target;

    @BeforeAll
    static void startServer() {
        server = TestPostgres.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected Store create() {
        target = server.freshDatabase();
        return PostgresStore.open(target, Duration.ofSeconds(5), TestPostgres.KEY);
    }

    @Override
    protected Store reopen(Store current) {
        current.close();
        return PostgresStore.open(target, Duration.ofSeconds(5), TestPostgres.KEY);
    }

    private String database() {
        return target.url().substring(target.url().lastIndexOf('/') + 1);
    }

    private Connection direct() throws Exception {
        return DriverManager.getConnection(target.url(), target.user(), "");
    }

    private static User user(String id) {
        return new User(id, id, id + "@example.com", null, false, Instant.parse("2026-11-24T09:15:30.123456Z"));
    }

    @Test
    void aDatabaseNewerThanTheCodeIsRefused() throws Exception {
        store.close();
        try (Connection c = direct(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')");
        }
        assertThatThrownBy(() -> PostgresStore.open(target, Duration.ofSeconds(5), TestPostgres.KEY)).isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99").hasMessageContaining("newer");
        store = create();
    }

    @Test
    void aMissingDatabaseFailsAtOnceInsteadOfBeingWaitedFor() {
        PostgresTarget missing = new PostgresTarget(target.url() + "_missing", target.user(), null);
        long start = System.nanoTime();
        assertThatThrownBy(() -> PostgresStore.open(missing, Duration.ofSeconds(30), TestPostgres.KEY)).isInstanceOf(StoreException.class)
                .hasMessageContaining(missing.url()).hasMessageContaining("does not exist");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aClosedStoreRefusesWork() {
        store.close();
        assertThat(store.ping()).isFalse();
        assertThatThrownBy(() -> store.revision()).isInstanceOf(StoreException.class).hasMessageContaining("closed");
        store = create();
    }

    @Test
    void secretsAreSealedBytea() throws Exception {
        byte[] clear = store.secret("cursor");
        assertThat(clear).hasSize(32);
        try (Connection c = direct(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_typeof(value)::text, length(value), sealed, value FROM secrets "
                     + "WHERE name = 'cursor'")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("bytea");
            // Version byte, 12-byte nonce, the 32 bytes encrypted, 16-byte tag.
            assertThat(r.getInt(2)).isEqualTo(1 + 12 + 32 + 16);
            assertThat(r.getInt(3)).isEqualTo(1);
            assertThat(new String(r.getBytes(4), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain(new String(clear, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void aLostConnectionIsAFailureNotAConflictAndTheStoreRecovers() throws Exception {
        store.commit("system", List.of(new Change.UserPut(user("a"))));
        // Writing user b kills the connection writing it, in the middle of the commit.
        try (Connection c = direct(); Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION die() RETURNS trigger LANGUAGE plpgsql AS "
                    + "'BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END'");
            s.execute("CREATE TRIGGER die BEFORE INSERT ON users FOR EACH ROW WHEN (NEW.id = 'b') EXECUTE FUNCTION die()");
        }
        // The pool warns of the connection it lost, with its stack trace.
        try (ExpectedLog log = ExpectedLog.of("com.zaxxer.hikari")) {
            assertThatThrownBy(() -> store.commit("system", List.of(new Change.UserPut(user("b")))))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isConflict()).isFalse());
            assertThat(log.has(Level.WARN, "marked as broken")).as(log.describe()).isTrue();
        }
        assertThat(store.commit("system", List.of(new Change.UserPut(user("c"))))).isEqualTo(2);
        assertThat(store.load().users()).extracting(User::id).containsExactlyInAnyOrder("a", "c");
        assertThat(store.changesAfter(0, 10)).hasSize(2);
    }

    @Test
    void waitersFallBackToPollingWhenNotificationsStopAndListenAgainAfter() throws Exception {
        PostgresStore pg = (PostgresStore) store;
        awaitListening(pg);
        try (ExpectedLog log = ExpectedLog.of("dev.gatehouse", "com.zaxxer.hikari")) {
            try (Connection c = server.admin(); Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'gatehouse-listener'");
            }
            try (Store other = PostgresStore.open(target, Duration.ofSeconds(5), TestPostgres.KEY)) {
                other.commit("system", List.of(new Change.UserPut(user("a"))));
                long start = System.nanoTime();
                assertThat(store.awaitChange(0, 10_000)).isEqualTo(1);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            }
            awaitListening(pg);
            assertThat(log.has(Level.WARN, "changelog notifications from")).as(log.describe()).isTrue();
        }
    }

    private static void awaitListening(PostgresStore pg) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!pg.listening()) {
            assertThat(System.nanoTime()).as("listening again").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
