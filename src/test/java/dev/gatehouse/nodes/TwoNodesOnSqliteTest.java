package dev.gatehouse.nodes;

import dev.gatehouse.store.Store;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes on one SQLite file: the single-machine case, and the same contract as PostgreSQL. */
class TwoNodesOnSqliteTest extends TwoNodesContract {
    @TempDir
    Path dir;

    @Override
    protected Supplier<Store> sharedDatabase() {
        return () -> SqliteStore.open(dir.resolve("shared.db"));
    }
}
