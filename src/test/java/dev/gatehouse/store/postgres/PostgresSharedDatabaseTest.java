package dev.gatehouse.store.postgres;

import dev.gatehouse.store.SharedDatabaseContract;
import dev.gatehouse.store.Store;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Two nodes on one PostgreSQL database. */
class PostgresSharedDatabaseTest extends SharedDatabaseContract {
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
    protected void createDatabase() {
        target = server.freshDatabase();
    }

    @Override
    protected Store openNode() {
        return PostgresStore.open(target, Duration.ofSeconds(5), TestPostgres.KEY);
    }
}
