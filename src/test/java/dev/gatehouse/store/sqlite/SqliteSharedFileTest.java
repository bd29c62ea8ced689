package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.SharedDatabaseContract;
import dev.gatehouse.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Two processes on one SQLite file, each with its own store. */
class SqliteSharedFileTest extends SharedDatabaseContract {
    @TempDir
    Path dir;

    @Override
    protected void createDatabase() {
    }

    @Override
    protected Store openNode() {
        return SqliteStore.open(dir.resolve("shared.db"));
    }
}
