package dev.gatehouse.nodes;

import dev.gatehouse.store.Store;
import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.postgres.PostgresTarget;
import dev.gatehouse.store.postgres.TestPostgres;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Two nodes on one real PostgreSQL, woken by LISTEN/NOTIFY: the production shape of several nodes. */
class TwoNodesOnPostgresTest extends TwoNodesContract {
    private static TestPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Override
    protected Supplier<Store> sharedDatabase() {
        PostgresTarget db = postgres.migratedDatabase();
        return () -> PostgresStore.open(db, Duration.ofSeconds(10), TestPostgres.KEY);
    }
}
