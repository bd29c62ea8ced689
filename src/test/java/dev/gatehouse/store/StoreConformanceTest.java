package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.model.Change;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Store}, run by every implementation. A subclass supplies a fresh, empty store and
 * a way to reopen the same data, as a restarted process would.
 */
public abstract class StoreConformanceTest {
    protected Store store;

    /** A new, empty store. */
    protected abstract Store create() throws Exception;

    /** Closes {@code current} and opens the same data again. */
    protected abstract Store reopen(Store current) throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = create();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

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
        return all;
    }

    @Test
    void anEmptyStoreIsAtRevisionZero() {
        assertThat(store.revision()).isZero();
        assertThat(store.load()).isEqualTo(Snapshot.empty());
        assertThat(store.changesAfter(0, 10)).isEmpty();
    }

    @Test
    void everyKindOfRecordIsStoredAndReadBackExactly() throws Exception {
        assertThat(store.commit("system", Samples.puts())).isEqualTo(1);
        Snapshot s = store.load();
        assertThat(s.revision()).isEqualTo(1);
        assertThat(everything(s)).isEqualTo(Set.copyOf(Samples.values()));
    }

    @Test
    void putsReplaceAndRemovalsRemoveExactlyOneRecord() throws Exception {
        store.commit("system", Samples.puts());
        User renamed = new User("u1", "Ada L.", "ada@example.com", null, false, Samples.T);
        Grant lowered = new Grant(Samples.GRANT.resource(), Samples.GRANT.subject(), Role.READ);
        store.commit("u1", List.of(new Change.UserPut(renamed), new Change.GrantPut(lowered)));
        Snapshot s = store.load();
        assertThat(s.users()).contains(renamed).doesNotContain(Samples.USER);
        assertThat(s.grants()).contains(lowered).doesNotContain(Samples.GRANT);

        store.commit("system", Samples.removals());
        Snapshot after = store.load();
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
    }

    @Test
    void removingWhatIsNotThereIsHarmless() {
        long r = store.commit("system", List.of(new Change.UserRemoved("ghost"), new Change.TeamRemoved("none")));
        assertThat(r).isEqualTo(1);
        assertThat(store.load().users()).isEmpty();
    }

    @Test
    void revisionsCountUpAndTheChangelogReturnsWhatWasCommitted() {
        List<List<Change>> writes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            writes.add(List.of(new Change.UserPut(new User("u" + i, "U" + i, "u" + i + "@example.com", null, false,
                    Samples.T.plusSeconds(i)))));
            assertThat(store.commit("actor" + i, writes.get(i))).isEqualTo(i + 1);
            assertThat(store.revision()).isEqualTo(i + 1);
        }
        List<ChangelogEntry> all = store.changesAfter(0, 100);
        assertThat(all).extracting(ChangelogEntry::revision).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(all).extracting(ChangelogEntry::actor).containsExactly("actor0", "actor1", "actor2", "actor3", "actor4");
        for (int i = 0; i < 5; i++) {
            assertThat(all.get(i).changes()).isEqualTo(writes.get(i));
            assertThat(all.get(i).committedAt()).isBefore(Instant.now().plusSeconds(1));
        }
        assertThat(store.changesAfter(2, 2)).extracting(ChangelogEntry::revision).containsExactly(3L, 4L);
        assertThat(store.changesAfter(5, 10)).isEmpty();
    }

    @Test
    void aFailedCommitWritesNothingAndTheStoreGoesOn() {
        store.commit("system", List.of(new Change.UserPut(Samples.USER)));
        Snapshot before = store.load();
        User sameEmail = new User("other", "Other", Samples.USER.email(), null, false, Samples.T);
        List<Change> bad = List.of(new Change.OrganizationPut(Samples.ORG), new Change.UserPut(sameEmail));
        assertThatThrownBy(() -> store.commit("system", bad))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isConflict()).isTrue());
        assertThat(store.load()).isEqualTo(before);
        assertThat(store.revision()).isEqualTo(1);
        assertThat(store.changesAfter(0, 10)).hasSize(1);
        assertThat(store.commit("system", List.of(new Change.OrganizationPut(Samples.ORG)))).isEqualTo(2);
    }

    @Test
    void everythingSurvivesAReopen() throws Exception {
        store.commit("system", Samples.puts());
        store.commit("u1", List.of(new Change.TokenRemoved("k2")));
        byte[] secret = store.secret("cursor");
        Snapshot before = store.load();
        List<ChangelogEntry> log = store.changesAfter(0, 10);
        store = reopen(store);
        assertThat(store.load()).isEqualTo(before);
        assertThat(store.revision()).isEqualTo(2);
        assertThat(store.changesAfter(0, 10)).isEqualTo(log);
        assertThat(store.secret("cursor")).isEqualTo(secret);
    }

    @Test
    void secretsAreStableAndDistinctPerName() {
        byte[] a = store.secret("a");
        assertThat(a).hasSize(32);
        assertThat(store.secret("a")).isEqualTo(a);
        assertThat(store.secret("b")).isNotEqualTo(a);
    }

    @Test
    void concurrentCommitsAllLandWithDistinctRevisions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                results.add(pool.submit(() -> store.commit("t" + n, List.of(new Change.UserPut(
                        new User("c" + n, "C" + n, "c" + n + "@example.com", null, false, Samples.T))))));
            }
            Set<Long> revisions = new HashSet<>();
            for (Future<Long> f : results) {
                revisions.add(f.get());
            }
            assertThat(revisions).hasSize(40).allSatisfy(r -> assertThat(r).isBetween(1L, 40L));
            assertThat(store.load().users()).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void answersPingWhileOpen() {
        assertThat(store.ping()).isTrue();
    }

    private static List<Change> user(int i) {
        return List.of(new Change.UserPut(new User("g" + i, "G" + i, "g" + i + "@example.com", null, false, Samples.T)));
    }

    @Test
    void aGroupGivesEachWriteItsOwnRevisionAndChangelogEntryAndAllSurviveReopening() throws Exception {
        store.commit("system", user(0));
        try (Store.Group g = store.group()) {
            assertThat(g.add("a1", user(1))).isEqualTo(2);
            assertThat(g.add("a2", user(2))).isEqualTo(3);
            assertThat(g.add("a3", user(3))).isEqualTo(4);
            g.commit();
        }
        store = reopen(store);
        assertThat(store.revision()).isEqualTo(4);
        assertThat(store.load().users()).hasSize(4);
        assertThat(store.changesAfter(1, 10)).extracting(ChangelogEntry::actor).containsExactly("a1", "a2", "a3");
        assertThat(store.changesAfter(1, 10)).extracting(ChangelogEntry::changes)
                .containsExactly(user(1), user(2), user(3));
        assertThat(store.commit("system", user(4))).isEqualTo(5);
    }

    @Test
    void aRefusedWriteInAGroupIsLeftOutAndTheOthersAreStored() throws Exception {
        store.commit("system", user(0));
        User sameEmail = new User("other", "Other", "g0@example.com", null, false, Samples.T);
        try (Store.Group g = store.group()) {
            assertThat(g.add("a1", user(1))).isEqualTo(2);
            // The whole refused write is undone, its first change too.
            assertThatThrownBy(() -> g.add("bad", List.of(user(9).get(0), new Change.UserPut(sameEmail))))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isConflict()).isTrue());
            assertThat(g.add("a2", user(2))).isEqualTo(3);
            g.commit();
        }
        store = reopen(store);
        assertThat(store.revision()).isEqualTo(3);
        assertThat(store.load().users()).extracting(User::id).containsExactlyInAnyOrder("g0", "g1", "g2");
        assertThat(store.changesAfter(0, 10)).extracting(ChangelogEntry::actor).containsExactly("system", "a1", "a2");
    }
}
