package dev.gatehouse.nodes;

import dev.gatehouse.store.Store;
import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.postgres.PostgresTarget;
import dev.gatehouse.store.postgres.TestPostgres;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Two nodes on one PostgreSQL database, the deployment several machines share. */
class TwoNodesOnPostgresTest extends TwoNodesContract {
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
    protected Supplier<Store> sharedDatabase() {
        PostgresTarget db = server.freshDatabase();
        return () -> PostgresStore.open(db, Duration.ofSeconds(5));
    }
}
