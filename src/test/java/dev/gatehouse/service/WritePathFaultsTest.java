package dev.gatehouse.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.User;
import dev.gatehouse.store.FaultyStore;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write path under a store that fails at the moment of commit: the index never shows what the store
 * did not commit, a write whose outcome is unknown says so, no answer is given from a state that was not
 * committed, reads never wait on the store, writes fail within their bound, and the node heals by itself.
 */
class WritePathFaultsTest {
    @TempDir
    Path dir;

    private FaultyStore store;

    private WritePath open(long writeTimeoutMillis) {
        store = new FaultyStore(SqliteStore.open(dir.resolve("gatehouse.db")));
        return new WritePath(store, writeTimeoutMillis);
    }

    private static Plan<String> putUser(String id, String name) {
        return Plan.of(List.of(new Change.UserPut(new User(id, name, null, null, false, Instant.EPOCH))), id);
    }

    /** Sets a user's name, or changes nothing when the index already has it. */
    private static Written<String> rename(WritePath path, String id, String name) {
        return path.write(Caller.SYSTEM, w -> name.equals(w.user(id).displayName()) ? Plan.nothing(id) : putUser(id, name));
    }

    private static String name(WritePath path, String id) {
        return path.read(w -> w.user(id) == null ? null : w.user(id).displayName());
    }

    /** The index holds exactly what a fresh load of the store holds. */
    private void assertIndexIsTheDatabase(WritePath path) {
        try (WritePath fresh = new WritePath(SqliteStore.open(dir.resolve("gatehouse.db")))) {
            assertThat(path.revision()).isEqualTo(fresh.revision());
            assertThat(new HashSet<>(path.read(World::contents))).isEqualTo(new HashSet<>(fresh.read(World::contents)));
        }
    }

    /** Writes succeed again, without a restart, within a few seconds of the store's return. */
    private static void assertHeals(WritePath path, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (true) {
            try {
                assertThat(rename(path, id, "healed").changed()).isTrue();
                return;
            } catch (ApiException e) {
                assertThat(e.status()).isEqualTo(503);
                assertThat(System.nanoTime()).as("healed within 3 s").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    @Test
    void aCommitThatFailsLeavesNoTraceAndSaysNothingWasWritten() throws Exception {
        try (WritePath path = open(2_000)) {
            path.write(Caller.SYSTEM, w -> putUser("ada", "Ada"));
            store.fault = FaultyStore.Fault.FAIL;
            assertThatThrownBy(() -> rename(path, "ada", "Admin"))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.getMessage()).contains("nothing was written");
                    });
            assertThat(name(path, "ada")).isEqualTo("Ada");
            assertIndexIsTheDatabase(path);

            // Finding 2: the same write again must not be answered "nothing to change" from the failed one.
            assertThatThrownBy(() -> rename(path, "ada", "Admin")).isInstanceOf(ApiException.class);
            store.fault = FaultyStore.Fault.NONE;
            assertHeals(path, "ada");
            assertIndexIsTheDatabase(path);
        }
    }

    @Test
    void aWriteThatChangedNothingOnlyBecauseOfAFailedOneInItsGroupIsNotAcknowledged() throws Exception {
        try (WritePath path = open(5_000)) {
            path.write(Caller.SYSTEM, w -> putUser("ada", "Ada"));
            store.fault = FaultyStore.Fault.STALL;
            CompletableFuture<Written<String>> first = CompletableFuture.supplyAsync(() -> rename(path, "ada", "First"));
            assertThat(store.stalled.await(5, TimeUnit.SECONDS)).isTrue();
            // Two writes of the same value line up behind the stalled group: they form the next group together.
            CompletableFuture<Written<String>> a = CompletableFuture.supplyAsync(() -> rename(path, "ada", "Admin"));
            awaitQueued(path, 1);
            CompletableFuture<Written<String>> b = CompletableFuture.supplyAsync(() -> rename(path, "ada", "Admin"));
            awaitQueued(path, 2);
            store.fault = FaultyStore.Fault.FAIL;
            store.release.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS).changed()).isTrue();
            assertThat(outcome(a)).contains("nothing was written");
            // b planned "nothing to change" against a's uncommitted write; it must not be answered as done.
            assertThat(outcome(b)).contains("nothing was written");
            assertThat(name(path, "ada")).isEqualTo("First");
            assertIndexIsTheDatabase(path);
        }
    }

    private static String outcome(CompletableFuture<Written<String>> f) throws Exception {
        try {
            Written<String> w = f.get(5, TimeUnit.SECONDS);
            return "acknowledged at " + w.revision();
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause().getMessage();
        }
    }

    private static void awaitQueued(WritePath path, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (path.queuedWrites() < n) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    @Test
    void aCommitWhoseOutcomeIsUnknownSaysSoAndTheNodeLearnsTheTruthBeforeItsNextWrite() throws Exception {
        try (WritePath path = open(2_000)) {
            path.write(Caller.SYSTEM, w -> putUser("ada", "Ada"));
            path.write(Caller.SYSTEM, w -> putUser("bob", "Bob"));

            store.fault = FaultyStore.Fault.UNKNOWN_BUT_COMMITTED;
            assertThatThrownBy(() -> rename(path, "ada", "Committed"))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.getMessage()).contains("may or may not have been written")
                                .contains("Idempotency-Key");
                    });
            store.fault = FaultyStore.Fault.UNKNOWN_AND_LOST;
            // Right after a failure, writes are refused without trying the store; the next probe tries it.
            Thread.sleep(Outage.PROBE_MILLIS + 50);
            assertThatThrownBy(() -> rename(path, "bob", "Lost")).isInstanceOf(ApiException.class)
                    .hasMessageContaining("may or may not");
            assertThat(name(path, "bob")).isEqualTo("Bob");

            store.fault = FaultyStore.Fault.NONE;
            assertHeals(path, "bob");
            // The write that did commit is learnt from the changelog; the one that did not left no trace.
            assertThat(name(path, "ada")).isEqualTo("Committed");
            assertThat(name(path, "bob")).isEqualTo("healed");
            assertIndexIsTheDatabase(path);
        }
    }

    @Test
    void readsNeverWaitOnAStalledCommitAndOtherWritesFailWithinTheirBound() throws Exception {
        try (WritePath path = open(300)) {
            path.write(Caller.SYSTEM, w -> putUser("ada", "Ada"));
            store.fault = FaultyStore.Fault.STALL;
            CompletableFuture<Written<String>> stalled = CompletableFuture.supplyAsync(() -> rename(path, "ada", "Stalled"));
            assertThat(store.stalled.await(5, TimeUnit.SECONDS)).isTrue();

            // Finding 4: with the commit hanging, a read answers at once, from what is committed.
            String read = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> name(path, "ada"));
            assertThat(read).isEqualTo("Ada");
            long start = System.nanoTime();
            assertThatThrownBy(() -> path.write(Caller.SYSTEM, w -> putUser("bob", "Bob")))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503))
                    .hasMessageContaining("nothing was written");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("failed within its bound")
                    .isLessThan(2_000);
            assertThat(name(path, "bob")).isNull();

            store.fault = FaultyStore.Fault.NONE;
            store.release.countDown();
            assertThat(stalled.get(5, TimeUnit.SECONDS).changed()).isTrue();
            assertThat(name(path, "ada")).isEqualTo("Stalled");
            assertIndexIsTheDatabase(path);
        }
    }

    @Test
    void whileTheStoreIsDownWritesAreRefusedAtOnceReadsGoOnAndItHealsByItself() throws Exception {
        try (WritePath path = open(2_000)) {
            path.write(Caller.SYSTEM, w -> putUser("ada", "Ada"));
            store.fault = FaultyStore.Fault.DOWN;
            assertThatThrownBy(() -> rename(path, "ada", "Down")).isInstanceOf(ApiException.class)
                    .hasMessageContaining("nothing was written");
            assertThat(path.storeFailing()).isTrue();
            for (int i = 0; i < 20; i++) {
                assertThatThrownBy(() -> rename(path, "ada", "Down")).isInstanceOf(ApiException.class);
                assertThat(name(path, "ada")).isEqualTo("Ada");
            }
            store.fault = FaultyStore.Fault.NONE;
            assertHeals(path, "ada");
            assertThat(path.storeFailing()).isFalse();
            assertIndexIsTheDatabase(path);
        }
    }
}
