package dev.gatehouse.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.model.Change;
import dev.gatehouse.model.User;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent writes share one durable commit, each keeping its own revision, and one refusal hurts no other. */
class GroupCommitTest {
    @TempDir
    Path dir;

    private WritePath open() {
        return new WritePath(SqliteStore.open(dir.resolve("gatehouse.db")));
    }

    private static Plan<String> addUser(String id, String email) {
        return Plan.of(List.of(new Change.UserPut(new User(id, id, email, null, false, Instant.EPOCH))), id);
    }

    @Test
    void concurrentWritersGetDistinctIncreasingRevisionsAndEveryWriteIsDurableAndVisibleOnceAnswered()
            throws Exception {
        int writers = 16;
        int each = 40;
        List<Long> all = new ArrayList<>();
        try (WritePath path = open()) {
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < writers; t++) {
                int writer = t;
                futures.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        String id = "w" + writer + "-" + i;
                        Written<String> w = path.write(Caller.SYSTEM, world -> addUser(id, id + "@example.com"));
                        assertThat(w.changed()).isTrue();
                        // Answered means visible: the index holds the write, at least at its revision.
                        boolean visible = path.read(world -> world.user(id) != null);
                        assertThat(visible).isTrue();
                        assertThat(path.revision()).isGreaterThanOrEqualTo(w.revision());
                        mine.add(w.revision());
                    }
                    return mine;
                }));
            }
            for (Future<List<Long>> f : futures) {
                List<Long> mine = f.get(60, TimeUnit.SECONDS);
                assertThat(mine).isSorted().doesNotHaveDuplicates();
                all.addAll(mine);
            }
            pool.shutdown();
        }
        Set<Long> expected = new HashSet<>();
        for (long r = 1; r <= writers * each; r++) {
            expected.add(r);
        }
        assertThat(all).hasSize(writers * each).doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).isEqualTo(expected);
        try (WritePath reopened = open()) {
            assertThat(reopened.revision()).isEqualTo(writers * each);
            assertThat(reopened.store().load().users()).hasSize(writers * each);
            assertThat(reopened.store().changesAfter(0, 10_000)).hasSize(writers * each);
        }
    }

    @Test
    void writesQueuedTogetherAreStoredAsOneGroupAndARefusedOneLeavesTheOthersAlone() throws Exception {
        try (WritePath path = open()) {
            path.write(Caller.SYSTEM, world -> addUser("taken", "taken@example.com"));
            CountDownLatch planning = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newCachedThreadPool();
            // The first write holds the write lock while it plans: the next ones queue up behind it.
            Future<Written<String>> first = pool.submit(() -> path.write(Caller.SYSTEM, world -> {
                planning.countDown();
                await(release);
                return addUser("first", "first@example.com");
            }));
            assertThat(planning.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Written<String>> b = pool.submit(() -> path.write(Caller.SYSTEM, world -> addUser("b", "b@example.com")));
            awaitQueued(path, 1);
            Future<Written<String>> refusedByPlanner = pool.submit(() -> path.write(Caller.SYSTEM, world -> {
                // Plans see the earlier writes of their group, not yet durable but already applied for them.
                assertThat(world.user("b")).isNotNull();
                throw ApiException.conflict("refused by its planner");
            }));
            awaitQueued(path, 2);
            Future<Written<String>> refusedByStore = pool.submit(() -> path.write(Caller.SYSTEM,
                    world -> addUser("dup", "taken@example.com")));
            awaitQueued(path, 3);
            Future<Written<String>> e = pool.submit(() -> path.write(Caller.SYSTEM, world -> addUser("e", "e@example.com")));
            awaitQueued(path, 4);
            Future<Written<String>> nothing = pool.submit(() -> path.write(Caller.SYSTEM, world -> Plan.nothing("none")));
            awaitQueued(path, 5);
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).revision()).isEqualTo(2);
            assertThat(b.get(10, TimeUnit.SECONDS).revision()).isEqualTo(3);
            assertThatThrownBy(refusedByPlanner::get).hasCauseInstanceOf(ApiException.class);
            assertThatThrownBy(refusedByStore::get).hasCauseInstanceOf(StoreException.class);
            assertThat(e.get(10, TimeUnit.SECONDS).revision()).isEqualTo(4);
            Written<String> unchanged = nothing.get(10, TimeUnit.SECONDS);
            assertThat(unchanged.changed()).isFalse();
            assertThat(unchanged.revision()).isEqualTo(4);
            boolean absent = path.read(world -> world.user("dup") == null);
            assertThat(absent).isTrue();
            assertThat(path.revision()).isEqualTo(4);
            pool.shutdown();
        }
        try (WritePath reopened = open()) {
            assertThat(reopened.store().load().users()).extracting(User::id)
                    .containsExactlyInAnyOrder("taken", "first", "b", "e");
            assertThat(reopened.revision()).isEqualTo(4);
            // A write after the group goes on from its revisions.
            assertThat(reopened.write(Caller.SYSTEM, world -> addUser("later", "later@example.com")).revision())
                    .isEqualTo(5);
        }
    }

    /**
     * A large write of puts apart is not applied in its trial: a write queued behind it must still be planned
     * with it applied, so it goes in the next group, and each is durable under its own revision.
     */
    @Test
    void aWriteQueuedBehindALargeWriteOfPutsApartIsPlannedWithItApplied() throws Exception {
        int many = GroupCommit.APART_FROM;
        try (WritePath path = open()) {
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newCachedThreadPool();
            Future<Written<String>> holder = holding(pool, path, release);
            Future<Written<Integer>> bulk = pool.submit(() -> path.write(Caller.SYSTEM, world -> {
                List<Change> puts = new ArrayList<>();
                for (int i = 0; i < many; i++) {
                    puts.add(new Change.UserPut(new User("bulk" + i, "Bulk " + i, "bulk" + i + "@example.com", null, false,
                            Instant.EPOCH)));
                }
                return Plan.of(puts, puts.size());
            }));
            awaitQueued(path, 1);
            Future<Written<Boolean>> behind = pool.submit(() -> path.write(Caller.SYSTEM, world -> {
                boolean sawBulk = world.user("bulk" + (many - 1)) != null;
                return Plan.of(List.of(new Change.UserPut(new User("behind", "Behind", "behind@example.com", null,
                        false, Instant.EPOCH))), sawBulk);
            }));
            awaitQueued(path, 2);
            release.countDown();

            assertThat(holder.get(10, TimeUnit.SECONDS).revision()).isEqualTo(1);
            assertThat(bulk.get(10, TimeUnit.SECONDS).revision()).isEqualTo(2);
            Written<Boolean> after = behind.get(10, TimeUnit.SECONDS);
            assertThat(after.value()).as("planned with the large write applied").isTrue();
            assertThat(after.revision()).isEqualTo(3);
            boolean all = path.read(world -> world.user("bulk0") != null && world.user("behind") != null);
            assertThat(all).isTrue();
            pool.shutdown();
        }
        try (WritePath reopened = open()) {
            assertThat(reopened.store().load().users()).hasSize(many + 2);
            assertThat(reopened.revision()).isEqualTo(3);
        }
    }

    /**
     * A large write of puts apart planned after another write of its group is described against the world with
     * that write applied: memberships of a team the write before made are each logged as a member added.
     */
    @Test
    void aLargeWriteOfPutsApartIsDescribedWithTheEarlierWritesOfItsGroupApplied() throws Exception {
        int many = GroupCommit.APART_FROM + 5;
        try (WritePath path = open()) {
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newCachedThreadPool();
            Future<Written<String>> holder = holding(pool, path, release);
            Future<Written<String>> team = pool.submit(() -> path.write(Caller.SYSTEM, world -> Plan.of(List.of(
                    new Change.TeamPut(new dev.gatehouse.model.Team("t1", "o1", "Writers", Instant.EPOCH))), "t1")));
            awaitQueued(path, 1);
            Future<Written<Integer>> members = pool.submit(() -> path.write(Caller.SYSTEM, world -> {
                List<Change> puts = new ArrayList<>();
                for (int i = 0; i < many; i++) {
                    puts.add(new Change.TeamMemberPut(new dev.gatehouse.model.TeamMembership("t1", "u" + i,
                            dev.gatehouse.model.TeamRole.MEMBER)));
                }
                return Plan.of(puts, puts.size());
            }));
            awaitQueued(path, 2);
            release.countDown();

            assertThat(holder.get(10, TimeUnit.SECONDS).revision()).isEqualTo(1);
            assertThat(team.get(10, TimeUnit.SECONDS).revision()).isEqualTo(2);
            assertThat(members.get(10, TimeUnit.SECONDS).revision()).as("in the team's group").isEqualTo(3);
            List<dev.gatehouse.model.AuditEntry> log = path.store().auditLog("o1",
                    new dev.gatehouse.model.AuditPosition(0, 0), 10_000);
            assertThat(log).hasSize(1 + many);
            assertThat(log.get(0).event().action()).isEqualTo("team.created");
            assertThat(log.subList(1, log.size())).allSatisfy(e -> {
                assertThat(e.revision()).isEqualTo(3);
                assertThat(e.event().action()).isEqualTo("team.member_added");
            });
            pool.shutdown();
        }
    }

    /**
     * Starts a write that holds the write path while it plans, until {@code release}: the writes queued
     * meanwhile go together in the group after it.
     */
    private static Future<Written<String>> holding(ExecutorService pool, WritePath path, CountDownLatch release)
            throws InterruptedException {
        CountDownLatch planning = new CountDownLatch(1);
        Future<Written<String>> holder = pool.submit(() -> path.write(Caller.SYSTEM, world -> {
            planning.countDown();
            await(release);
            return addUser("holder", "holder@example.com");
        }));
        assertThat(planning.await(10, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    private static void awaitQueued(WritePath path, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (path.queuedWrites() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("writes did not queue up");
            }
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
