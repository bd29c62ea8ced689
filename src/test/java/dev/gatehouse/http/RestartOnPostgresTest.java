package dev.gatehouse.http;

import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.postgres.PostgresTarget;
import dev.gatehouse.store.postgres.TestPostgres;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The server on PostgreSQL: what was written through the API answers the same after a restart. */
class RestartOnPostgresTest extends RestartTest {
    static TestPostgres server;

    @BeforeAll
    static void startServer() {
        server = TestPostgres.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected TestApp startApp() {
        PostgresTarget db = server.freshDatabase();
        return TestApp.start(() -> PostgresStore.open(db, Duration.ofSeconds(5), TestPostgres.KEY));
    }
}
