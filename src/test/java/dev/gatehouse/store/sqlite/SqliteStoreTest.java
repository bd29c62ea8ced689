package dev.gatehouse.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreConformanceTest;
import dev.gatehouse.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreConformanceTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("data").resolve("gatehouse.db");
    }

    @Override
    protected Store create() {
        return SqliteStore.open(file());
    }

    @Override
    protected Store reopen(Store current) {
        current.close();
        return SqliteStore.open(file());
    }

    @Test
    void theDatabaseIsOneFileWhereItWasAskedFor() {
        assertThat(Files.isRegularFile(file())).isTrue();
        assertThat(((SqliteStore) store).file()).isEqualTo(file());
    }

    @Test
    void itRunsInWalModeWithFullSync() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement s = c.createStatement()) {
            var r = s.executeQuery("PRAGMA journal_mode");
            r.next();
            assertThat(r.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void aDatabaseNewerThanTheCodeIsRefused() throws Exception {
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')");
        }
        assertThatThrownBy(() -> SqliteStore.open(file())).isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99").hasMessageContaining("newer");
        store = SqliteStore.open(dir.resolve("other.db"));
    }

    @Test
    void aClosedStoreRefusesWork() {
        store.close();
        assertThat(store.ping()).isFalse();
        assertThatThrownBy(() -> store.revision()).isInstanceOf(StoreException.class).hasMessageContaining("closed");
        store = SqliteStore.open(dir.resolve("other.db"));
    }

    @Test
    void aGroupIsInvisibleUntilCommittedAndDiscardedWhenClosedWithoutCommit() throws Exception {
        java.util.List<dev.gatehouse.model.Change> put = java.util.List.of(new dev.gatehouse.model.Change.UserPut(
                new dev.gatehouse.model.User("g1", "G1", "g1@example.com", null, false, java.time.Instant.EPOCH)));
        try (Store.Group g = store.group()) {
            assertThat(g.add(new dev.gatehouse.store.Commit(dev.gatehouse.store.Commit.ANY, "a", java.time.Instant.EPOCH,
                    put, java.util.List.of()))).isEqualTo(1);
            // Another connection, as another process would, sees nothing of an uncommitted group.
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                 Statement s = c.createStatement()) {
                var r = s.executeQuery("SELECT COUNT(*) FROM changelog");
                r.next();
                assertThat(r.getInt(1)).isZero();
            }
        }
        assertThat(store.revision()).isZero();
        store = reopen(store);
        assertThat(store.load().users()).isEmpty();
        assertThat(store.commit("a", put)).isEqualTo(1);
    }
}
