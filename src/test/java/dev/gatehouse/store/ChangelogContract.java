package dev.gatehouse.store;

import dev.gatehouse.model.AuditPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Changelog}: commits whole and durable, gapless revisions in commit order, the
 * changelog as committed, groups of writes, waits that wake on a commit. Every store runs it
 * through {@link StoreConformanceTest}.
 */
public interface ChangelogContract extends StoreFixture {

    private static Set<Object> everything(Snapshot s) {
        Set<Object> all = new HashSet<>();
        all.addAll(s.users());
        all.addAll(s.organizations());
        all.addAll(s.members());
        all.addAll(s.teams());
        all.addAll(s.teamMemberships());
        all.addAll(s.collections());
        all.addAll(s.spaces());
        all.addAll(s.sites());
        all.addAll(s.siteSpaces());
        all.addAll(s.pages());
        all.addAll(s.grants());
        all.addAll(s.tokens());
        all.addAll(s.shareLinks());
        all.addAll(s.accessRequests());
        all.addAll(s.linkInvites());
        all.addAll(s.scimTokens());
        all.addAll(s.scimRecords());
        return all;
    }

    @Test
    default void anEmptyStoreIsAtRevisionZero() {
        assertThat(store().revision()).isZero();
        assertThat(store().load()).isEqualTo(Snapshot.empty());
        assertThat(store().changesAfter(0, 10)).isEmpty();
    }

    @Test
    default void everyKindOfRecordIsStoredAndReadBackExactly() throws Exception {
        assertThat(store().commit("system", Samples.puts())).isEqualTo(1);
        Snapshot s = store().load();
        assertThat(s.revision()).isEqualTo(1);
        assertThat(everything(s)).isEqualTo(Set.copyOf(Samples.values()));
    }

    @Test
    default void putsReplaceAndRemovalsRemoveExactlyOneRecord() throws Exception {
        store().commit("system", Samples.puts());
        User renamed = new User("u1", "Ada L.", "ada@example.com", null, false, Samples.T);
        Grant lowered = new Grant(Samples.GRANT.resource(), Samples.GRANT.subject(), Role.READ);
        store().commit("u1", List.of(new Change.UserPut(renamed), new Change.GrantPut(lowered)));
        Snapshot s = store().load();
        assertThat(s.users()).contains(renamed).doesNotContain(Samples.USER);
        assertThat(s.grants()).contains(lowered).doesNotContain(Samples.GRANT);

        store().commit("system", Samples.removals());
        Snapshot after = store().load();
        assertThat(after.users()).containsExactly(renamed);
        assertThat(after.members()).containsExactly(Samples.MEMBER);
        assertThat(after.teams()).isEmpty();
        assertThat(after.teamMemberships()).isEmpty();
        assertThat(after.collections()).containsExactly(Samples.COLLECTION);
        assertThat(after.spaces()).containsExactly(Samples.SPACE);
        assertThat(after.sites()).isEmpty();
        assertThat(after.siteSpaces()).isEmpty();
        assertThat(after.pages()).containsExactly(Samples.PAGE);
        assertThat(after.grants()).containsExactly(lowered);
        assertThat(after.tokens()).containsExactly(Samples.TOKEN);
        assertThat(after.shareLinks()).containsExactly(Samples.LINK);
        assertThat(after.accessRequests()).containsExactly(Samples.REQUEST);
        assertThat(after.scimTokens()).containsExactly(Samples.SCIM_TOKEN);
        assertThat(after.scimRecords()).containsExactly(Samples.SCIM_USER);
    }

    @Test
    default void removingWhatIsNotThereIsHarmless() {
        long r = store().commit("system", List.of(new Change.UserRemoved("ghost"), new Change.TeamRemoved("none")));
        assertThat(r).isEqualTo(1);
        assertThat(store().load().users()).isEmpty();
    }

    @Test
    default void revisionsCountUpAndTheChangelogReturnsWhatWasCommitted() {
        List<List<Change>> writes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            writes.add(List.of(new Change.UserPut(new User("u" + i, "U" + i, "u" + i + "@example.com", null, false,
                    Samples.T.plusSeconds(i)))));
            assertThat(store().commit("actor" + i, writes.get(i))).isEqualTo(i + 1);
            assertThat(store().revision()).isEqualTo(i + 1);
        }
        List<ChangelogEntry> all = store().changesAfter(0, 100);
        assertThat(all).extracting(ChangelogEntry::revision).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(all).extracting(ChangelogEntry::actor).containsExactly("actor0", "actor1", "actor2", "actor3", "actor4");
        for (int i = 0; i < 5; i++) {
            assertThat(all.get(i).changes()).isEqualTo(writes.get(i));
            assertThat(all.get(i).committedAt()).isBefore(Instant.now().plusSeconds(1));
        }
        assertThat(store().changesAfter(2, 2)).extracting(ChangelogEntry::revision).containsExactly(3L, 4L);
        assertThat(store().changesAfter(5, 10)).isEmpty();
    }

    @Test
    default void aFailedCommitWritesNothingAndTheStoreGoesOn() {
        store().commit("system", List.of(new Change.UserPut(Samples.USER)));
        Snapshot before = store().load();
        User sameEmail = new User("other", "Other", Samples.USER.email(), null, false, Samples.T);
        List<Change> bad = List.of(new Change.OrganizationPut(Samples.ORG), new Change.UserPut(sameEmail));
        assertThatThrownBy(() -> store().commit("system", bad))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isConflict()).isTrue());
        assertThat(store().load()).isEqualTo(before);
        assertThat(store().revision()).isEqualTo(1);
        assertThat(store().changesAfter(0, 10)).hasSize(1);
        assertThat(store().commit("system", List.of(new Change.OrganizationPut(Samples.ORG)))).isEqualTo(2);
    }

    @Test
    default void anInviteLinksUsesCountUpAndSurviveAReopen() throws Exception {
        store().commit("system", Samples.puts());
        store().commit("u2", List.of(new Change.LinkInviteUsed("l1secret", "u2")));
        store().commit("u3", List.of(new Change.LinkInviteUsed("l1secret", "u3")));
        reopenStore();
        assertThat(store().load().linkInvites()).contains(Samples.ORG_LINK.used().used(), Samples.SPACE_LINK);
    }

    @Test
    default void everythingSurvivesAReopen() throws Exception {
        store().commit("system", Samples.puts());
        store().commit("u1", List.of(new Change.TokenRemoved("k2")));
        byte[] secret = store().secret("cursor");
        Snapshot before = store().load();
        List<ChangelogEntry> log = store().changesAfter(0, 10);
        reopenStore();
        assertThat(store().load()).isEqualTo(before);
        assertThat(store().revision()).isEqualTo(2);
        assertThat(store().changesAfter(0, 10)).isEqualTo(log);
        assertThat(store().secret("cursor")).isEqualTo(secret);
    }

    @Test
    default void concurrentCommitsAllLandWithDistinctRevisions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                results.add(pool.submit(() -> store().commit("t" + n, List.of(new Change.UserPut(
                        new User("c" + n, "C" + n, "c" + n + "@example.com", null, false, Samples.T))))));
            }
            Set<Long> revisions = new HashSet<>();
            for (Future<Long> f : results) {
                revisions.add(f.get());
            }
            assertThat(revisions).hasSize(40).allSatisfy(r -> assertThat(r).isBetween(1L, 40L));
            assertThat(store().load().users()).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void aCommitFromAnotherThreadWakesAWaiterWellBeforeItsTimeout() throws Exception {
        store().commit("system", List.of(new Change.UserPut(Samples.USER)));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            Future<Long> waiter = pool.submit(() -> store().awaitChange(1, 20_000));
            Thread.sleep(200);
            assertThat(waiter).isNotDone();
            store().commit("system", List.of(new Change.OrganizationPut(Samples.ORG)));
            assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void aWaiterAlreadyBehindReturnsAtOnce() {
        store().commit("system", List.of(new Change.UserPut(Samples.USER)));
        long start = System.nanoTime();
        assertThat(store().awaitChange(0, 20_000)).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    default void theWaitEndsAtItsTimeoutWhenNothingIsCommitted() {
        store().commit("system", List.of(new Change.UserPut(Samples.USER)));
        long start = System.nanoTime();
        assertThat(store().awaitChange(1, 400)).isEqualTo(1);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(Duration.ofMillis(4_400));
        assertThat(store().awaitChange(5, 0)).isEqualTo(1);
    }

    @Test
    default void answersPingWhileOpen() {
        assertThat(store().ping()).isTrue();
    }

    @Test
    default void aCommitPlannedAgainstAnOlderRevisionIsRefusedWhole() {
        store().commit("system", List.of(new Change.UserPut(Samples.USER)));
        Snapshot before = store().load();
        assertThatThrownBy(() -> store().commit(new Commit(0, "system", Instant.now(),
                List.of(new Change.OrganizationPut(Samples.ORG)), List.of(AuditLogContract.event("o1", "organization.created")))))
                .isInstanceOfSatisfying(StaleRevisionException.class, e -> assertThat(e.latest()).isEqualTo(1));
        assertThat(store().load()).isEqualTo(before);
        assertThat(store().auditLog("o1", AuditPosition.START, 10)).isEmpty();
        assertThat(store().commit(new Commit(1, "system", Instant.now(), List.of(new Change.OrganizationPut(Samples.ORG)),
                List.of()))).isEqualTo(2);
    }

    private static Commit write(String actor, List<Change> changes) {
        return new Commit(Commit.ANY, actor, Instant.now(), changes, List.of());
    }

    private static List<Change> user(int i) {
        return List.of(new Change.UserPut(new User("g" + i, "G" + i, "g" + i + "@example.com", null, false, Samples.T)));
    }

    @Test
    default void aGroupGivesEachWriteItsOwnRevisionAndChangelogEntryAndAllSurviveReopening() throws Exception {
        store().commit("system", user(0));
        try (Store.Group g = store().group()) {
            assertThat(g.add(write("a1", user(1)))).isEqualTo(2);
            assertThat(g.add(write("a2", user(2)))).isEqualTo(3);
            assertThat(g.add(write("a3", user(3)))).isEqualTo(4);
            g.commit();
        }
        reopenStore();
        assertThat(store().revision()).isEqualTo(4);
        assertThat(store().load().users()).hasSize(4);
        assertThat(store().changesAfter(1, 10)).extracting(ChangelogEntry::actor).containsExactly("a1", "a2", "a3");
        assertThat(store().changesAfter(1, 10)).extracting(ChangelogEntry::changes)
                .containsExactly(user(1), user(2), user(3));
        assertThat(store().commit("system", user(4))).isEqualTo(5);
    }

    @Test
    default void aRefusedWriteInAGroupIsLeftOutAndTheOthersAreStored() throws Exception {
        store().commit("system", user(0));
        User sameEmail = new User("other", "Other", "g0@example.com", null, false, Samples.T);
        try (Store.Group g = store().group()) {
            assertThat(g.add(write("a1", user(1)))).isEqualTo(2);
            // The whole refused write is undone, its first change too.
            assertThatThrownBy(() -> g.add(write("bad", List.of(user(9).get(0), new Change.UserPut(sameEmail)))))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isConflict()).isTrue());
            assertThat(g.add(write("a2", user(2)))).isEqualTo(3);
            g.commit();
        }
        reopenStore();
        assertThat(store().revision()).isEqualTo(3);
        assertThat(store().load().users()).extracting(User::id).containsExactlyInAnyOrder("g0", "g1", "g2");
        assertThat(store().changesAfter(0, 10)).extracting(ChangelogEntry::actor).containsExactly("system", "a1", "a2");
    }
}
