package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.model.Change;
import dev.gatehouse.model.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two stores on one database, as two Gatehouse nodes (processes) have: one history, in one order, with
 * no gap. Run by every store that several processes can share; a subclass supplies the database.
 */
public abstract class SharedDatabaseContract {
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    protected Store a;
    protected Store b;

    /** A new, empty database; {@link #openNode} opens stores on it until the next call. */
    protected abstract void createDatabase() throws Exception;

    /** A store on the database {@link #createDatabase} made, as one node opens it. */
    protected abstract Store openNode() throws Exception;

    @BeforeEach
    void openTwoNodes() throws Exception {
        createDatabase();
        // Both at once, on a database neither has migrated: one migrates, the other finds it done.
        Future<Store> first = threads.submit(this::openNode);
        Future<Store> second = threads.submit(this::openNode);
        a = first.get(30, TimeUnit.SECONDS);
        b = second.get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeNodes() {
        threads.shutdownNow();
        a.close();
        b.close();
    }

    private static List<Change> user(String id) {
        return List.of(new Change.UserPut(new User(id, id, id + "@example.com", null, false,
                Instant.parse("2026-11-24T09:15:30.123456Z"))));
    }

    private Callable<List<Long>> commits(Store node, String name, int count) {
        return () -> {
            List<Long> revisions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                revisions.add(node.commit(name, user(name + i)));
            }
            return revisions;
        };
    }

    @Test
    void concurrentCommitsOnTwoNodesGetRevisionsOneToTwoHundredWithoutGaps() throws Exception {
        Future<List<Long>> fromA = threads.submit(commits(a, "a", 100));
        Future<List<Long>> fromB = threads.submit(commits(b, "b", 100));
        List<Long> all = new ArrayList<>(fromA.get(60, TimeUnit.SECONDS));
        all.addAll(fromB.get(60, TimeUnit.SECONDS));
        assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(fromA.get()).isSorted();
        assertThat(fromB.get()).isSorted();

        for (Store node : List.of(a, b)) {
            assertThat(node.revision()).isEqualTo(200);
            List<ChangelogEntry> log = node.changesAfter(0, 1000);
            assertThat(log).extracting(ChangelogEntry::revision)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
            assertThat(log).extracting(ChangelogEntry::actor).containsOnly("a", "b");
            assertThat(node.load().users()).hasSize(200);
        }
        // Each node's changelog entry says what the other committed under that revision.
        ChangelogEntry firstOfB = b.changesAfter(fromB.get().get(0) - 1, 1).get(0);
        assertThat(a.changesAfter(fromB.get().get(0) - 1, 1)).containsExactly(firstOfB);
        assertThat(firstOfB.changes()).isEqualTo(user("b0"));
    }

    @Test
    void aCommitOnOneNodeWakesAWaiterOnTheOther() throws Exception {
        Future<Long> waiter = threads.submit(() -> b.awaitChange(0, 20_000));
        Thread.sleep(300);
        assertThat(waiter).isNotDone();
        long start = System.nanoTime();
        a.commit("a", user("x"));
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(b.changesAfter(0, 10)).extracting(ChangelogEntry::changes).containsExactly(user("x"));
    }

    @Test
    void aCommitPlannedBeforeTheOtherNodeCommittedIsRefused() {
        long planned = a.revision();
        b.commit("b", user("x"));
        Commit stale = new Commit(planned, "a", Instant.parse("2026-11-24T09:15:30Z"), user("y"), List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.commit(stale))
                .isInstanceOfSatisfying(StaleRevisionException.class, e -> assertThat(e.latest()).isEqualTo(1));
        assertThat(a.commit(new Commit(1, "a", Instant.parse("2026-11-24T09:15:30Z"), user("y"), List.of())))
                .isEqualTo(2);
        assertThat(b.load().users()).extracting(User::id).containsExactlyInAnyOrder("x", "y");
    }

    @Test
    void aConflictOnOneNodeLeavesNoGapForTheOther() {
        a.commit("a", user("x"));
        List<Change> sameEmail = List.of(new Change.UserPut(new User("y", "y", "x@example.com", null, false,
                Instant.parse("2026-11-24T09:15:30Z"))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.commit("b", sameEmail))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isConflict()).isTrue());
        assertThat(b.commit("b", user("z"))).isEqualTo(2);
        assertThat(a.changesAfter(0, 10)).extracting(ChangelogEntry::revision).containsExactly(1L, 2L);
    }

    @Test
    void bothNodesUseTheSameSecrets() {
        assertThat(a.secret("cursor")).isEqualTo(b.secret("cursor"));
    }
}
