package dev.gatehouse.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.User;
import dev.gatehouse.testlog.ExpectedLog;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Gatehouse started before its database: it waits, and carries on once the database is up. */
class PostgresStartUpTest {
    @Test
    void aDatabaseThatComesUpWhileStartUpWaitsIsUsed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresTarget target = new PostgresTarget("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null);
        ExecutorService starting = Executors.newSingleThreadExecutor();
        try (ExpectedLog log = ExpectedLog.of("dev.gatehouse")) {
            Future<PostgresStore> opening = starting.submit(() -> PostgresStore.open(target, Duration.ofSeconds(90), TestPostgres.KEY));
            Thread.sleep(500);
            assertThat(opening).as("still waiting for the database").isNotDone();
            try (TestPostgres server = TestPostgres.start(port);
                 PostgresStore store = opening.get(90, TimeUnit.SECONDS)) {
                assertThat(store.commit("system", List.of(new Change.UserPut(new User("u", "U", null, null, false,
                        Instant.parse("2026-11-24T09:15:30Z")))))).isEqualTo(1);
                assertThat(server.port()).isEqualTo(port);
            }
            assertThat(log.has(Level.WARN, "PostgreSQL at " + target.url() + " cannot be reached")).as(log.describe()).isTrue();
        } finally {
            starting.shutdownNow();
        }
    }
}
