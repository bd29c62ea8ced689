package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditEvent;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.User;
import dev.gatehouse.model.Webhook;
import dev.gatehouse.model.WebhookDelivery;
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
    void aCommitFromAnotherThreadWakesAWaiterWellBeforeItsTimeout() throws Exception {
        store.commit("system", List.of(new Change.UserPut(Samples.USER)));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            Future<Long> waiter = pool.submit(() -> store.awaitChange(1, 20_000));
            Thread.sleep(200);
            assertThat(waiter).isNotDone();
            store.commit("system", List.of(new Change.OrganizationPut(Samples.ORG)));
            assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWaiterAlreadyBehindReturnsAtOnce() {
        store.commit("system", List.of(new Change.UserPut(Samples.USER)));
        long start = System.nanoTime();
        assertThat(store.awaitChange(0, 20_000)).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theWaitEndsAtItsTimeoutWhenNothingIsCommitted() {
        store.commit("system", List.of(new Change.UserPut(Samples.USER)));
        long start = System.nanoTime();
        assertThat(store.awaitChange(1, 400)).isEqualTo(1);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(Duration.ofMillis(4_400));
        assertThat(store.awaitChange(5, 0)).isEqualTo(1);
    }

    @Test
    void answersPingWhileOpen() {
        assertThat(store.ping()).isTrue();
    }

    private static AuditEvent event(String org, String action) {
        return new AuditEvent(org, action, "space", "s1", "user", "u1", "read", "edit");
    }

    @Test
    void auditEntriesAreWrittenWithTheirCommitAndPageByPosition() {
        Instant at = Instant.parse("2026-11-30T10:00:00.123456Z");
        store.commit(new Commit(0, "u1", at, List.of(new Change.OrganizationPut(Samples.ORG)),
                List.of(event("o1", "a.one"), event("o2", "b.one"), event("o1", "a.two"))));
        store.commit(new Commit(1, "system", at.plusSeconds(1), List.of(new Change.UserPut(Samples.USER)),
                List.of(event("o1", "a.three"))));

        List<AuditEntry> all = store.auditLog("o1", AuditPosition.START, 10);
        assertThat(all).extracting(e -> e.event().action()).containsExactly("a.one", "a.two", "a.three");
        assertThat(all).extracting(AuditEntry::revision).containsExactly(1L, 1L, 2L);
        assertThat(all).extracting(AuditEntry::seq).containsExactly(0, 2, 0);
        assertThat(all.get(0)).isEqualTo(new AuditEntry(1, 0, at, "u1", event("o1", "a.one")));
        assertThat(all.get(2).actor()).isEqualTo("system");
        assertThat(store.auditLog("o2", AuditPosition.START, 10)).extracting(e -> e.event().action())
                .containsExactly("b.one");
        // Positions resume exactly after an entry, or after a whole revision.
        assertThat(store.auditLog("o1", new AuditPosition(1, 0), 10)).extracting(e -> e.event().action())
                .containsExactly("a.two", "a.three");
        assertThat(store.auditLog("o1", AuditPosition.afterRevision(1), 10)).extracting(e -> e.event().action())
                .containsExactly("a.three");
        assertThat(store.auditLog("o1", new AuditPosition(2, -1), 10)).hasSize(1);
        assertThat(store.auditLog("o1", AuditPosition.START, 1)).hasSize(1);
    }

    @Test
    void aFailedCommitLeavesNoAuditEntry() {
        store.commit("system", List.of(new Change.UserPut(Samples.USER)));
        User sameEmail = new User("other", "Other", Samples.USER.email(), null, false, Samples.T);
        assertThatThrownBy(() -> store.commit(new Commit(1, "system", Instant.now(),
                List.of(new Change.UserPut(sameEmail)), List.of(event("o1", "member.added")))))
                .isInstanceOf(StoreException.class);
        assertThat(store.auditLog("o1", AuditPosition.START, 10)).isEmpty();
    }

    @Test
    void aCommitPlannedAgainstAnOlderRevisionIsRefusedWhole() {
        store.commit("system", List.of(new Change.UserPut(Samples.USER)));
        Snapshot before = store.load();
        assertThatThrownBy(() -> store.commit(new Commit(0, "system", Instant.now(),
                List.of(new Change.OrganizationPut(Samples.ORG)), List.of(event("o1", "organization.created")))))
                .isInstanceOfSatisfying(StaleRevisionException.class, e -> assertThat(e.latest()).isEqualTo(1));
        assertThat(store.load()).isEqualTo(before);
        assertThat(store.auditLog("o1", AuditPosition.START, 10)).isEmpty();
        assertThat(store.commit(new Commit(1, "system", Instant.now(), List.of(new Change.OrganizationPut(Samples.ORG)),
                List.of()))).isEqualTo(2);
    }

    @Test
    void idempotencyKeysAreReservedAnsweredReleasedAndForgottenAfterTheirLifetime() {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        Instant dayAgo = now.minusSeconds(86_400);
        assertThat(store.reserveIdempotencyKey("u1", "k", "h1", now, dayAgo)).isNull();
        IdempotentRequest pending = store.reserveIdempotencyKey("u1", "k", "h1", now, dayAgo);
        assertThat(pending.requestHash()).isEqualTo("h1");
        assertThat(pending.answered()).isFalse();
        // Another caller's key of the same name is its own.
        assertThat(store.reserveIdempotencyKey("u2", "k", "h2", now, dayAgo)).isNull();

        store.completeIdempotencyKey("u1", "k", new IdempotentRequest(null, 201, "application/json", "{\"id\":1}",
                "http://x/1", 7, null));
        IdempotentRequest answered = store.reserveIdempotencyKey("u1", "k", "other", now.plusSeconds(5), dayAgo);
        assertThat(answered).isEqualTo(new IdempotentRequest("h1", 201, "application/json", "{\"id\":1}", "http://x/1",
                7, now));
        // Releasing does not forget an answered key; it forgets one whose request failed.
        store.releaseIdempotencyKey("u1", "k");
        assertThat(store.reserveIdempotencyKey("u1", "k", "h1", now, dayAgo)).isNotNull();
        store.releaseIdempotencyKey("u2", "k");
        assertThat(store.reserveIdempotencyKey("u2", "k", "h3", now, dayAgo)).isNull();
        // A day later the key is free again.
        assertThat(store.reserveIdempotencyKey("u1", "k", "h9", now.plusSeconds(86_401), now.plusSeconds(1))).isNull();
    }

    @Test
    void aKeyMarkedByTheWriteMadeUnderItSaysTheWriteLandedAndIsNotReleased() {
        Instant now = Instant.now();
        Instant dayAgo = now.minusSeconds(86_400);
        assertThat(store.reserveIdempotencyKey("u1", "landed", "h1", now, dayAgo)).isNull();
        assertThat(store.reserveIdempotencyKey("u1", "lost", "h2", now, dayAgo)).isNull();
        long r = store.commit(new Commit(Commit.ANY, "u1", now, List.of(new Change.OrganizationPut(Samples.ORG)), List.of(),
                new Commit.RequestKey("u1", "landed")));
        // The request's answer never came (its connection broke): the store still knows the write landed.
        store.releaseIdempotencyKey("u1", "landed");
        store.releaseIdempotencyKey("u1", "lost");
        IdempotentRequest landed = store.reserveIdempotencyKey("u1", "landed", "h1", now, dayAgo);
        assertThat(landed).isNotNull();
        assertThat(landed.answered()).isFalse();
        assertThat(landed.revision()).isEqualTo(r);
        assertThat(store.reserveIdempotencyKey("u1", "lost", "h2", now, dayAgo)).as("free for a real retry").isNull();
        // A write does not mark another caller's key of the same name.
        assertThat(store.reserveIdempotencyKey("u2", "landed", "h3", now, dayAgo)).isNull();
    }

    @Test
    void aReservationWhoseRequestDiedWithoutWritingIsTakenOverOnceAbandoned() {
        Instant then = Instant.parse("2026-11-30T10:00:00Z");
        Instant dayAgo = then.minusSeconds(86_400);
        assertThat(store.reserveIdempotencyKey("u1", "k", "h1", then, dayAgo)).isNull();
        assertThat(store.reserveIdempotencyKey("u1", "k", "h1", then.plusSeconds(5), dayAgo)).as("still running").isNotNull();
        Instant later = then.plus(SqlIdempotency.ABANDONED).plusSeconds(1);
        assertThat(store.reserveIdempotencyKey("u1", "k", "h1", later, dayAgo)).as("abandoned").isNull();
    }

    @Test
    void webhooksAreStoredPositionedLeasedAndLogged() {
        store.commit(new Commit(0, "system", Instant.now(), List.of(new Change.OrganizationPut(Samples.ORG)),
                List.of(event("o1", "organization.created"))));
        Webhook hook = new Webhook("w1", "o1", "https://hooks.example.com/in", List.of("grant.*"), "s3cret-s3cret-s3cret",
                Samples.T);
        store.addWebhook(hook);
        store.addWebhook(new Webhook("w2", "o2", "https://other.example.com", List.of(), "another-secret-here", Samples.T2));
        assertThat(store.webhooks("o1")).containsExactly(hook);
        assertThat(store.webhooks(null)).extracting(Webhook::id).containsExactly("w1", "w2");
        // A new webhook hears about what comes after it, not about the past.
        assertThat(store.webhookPosition("w1")).isEqualTo(AuditPosition.afterRevision(1));

        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        assertThat(store.leaseWebhook("w1", "node-a", now, now.plusSeconds(30))).isTrue();
        assertThat(store.leaseWebhook("w1", "node-b", now.plusSeconds(1), now.plusSeconds(31))).isFalse();
        assertThat(store.leaseWebhook("w1", "node-a", now.plusSeconds(2), now.plusSeconds(32))).isTrue();

        WebhookDelivery failed = store.recordDelivery(new WebhookDelivery(0, "w1", 2, 0, "grant.updated", 1, now, 500,
                "the receiver answered 500", 12), "node-a", false);
        assertThat(failed.id()).isEqualTo(1);
        assertThat(store.webhookPosition("w1")).isEqualTo(AuditPosition.afterRevision(1));
        // Only the lease holder moves the position.
        WebhookDelivery unanswered = store.recordDelivery(new WebhookDelivery(0, "w1", 2, 0, "grant.updated", 2, now, null,
                "no answer: connection refused", 3), "node-b", true);
        assertThat(store.webhookPosition("w1")).isEqualTo(AuditPosition.afterRevision(1));
        WebhookDelivery ok = store.recordDelivery(new WebhookDelivery(0, "w1", 2, 0, "grant.updated", 3, now, 204, null,
                4), "node-a", true);
        assertThat(store.webhookPosition("w1")).isEqualTo(new AuditPosition(2, 0));
        store.advanceWebhook("w1", "node-a", new AuditPosition(3, 4));
        assertThat(store.webhookPosition("w1")).isEqualTo(new AuditPosition(3, 4));

        assertThat(store.deliveries("w1", 0, 10)).extracting(WebhookDelivery::id).containsExactly(1L, 2L, 3L);
        assertThat(store.deliveries("w1", 0, 10).get(2)).isEqualTo(ok);
        assertThat(store.deliveries("w1", 0, 10).get(0)).isEqualTo(failed);
        assertThat(store.deliveries("w1", 0, 10).get(1)).isEqualTo(unanswered);
        assertThat(unanswered.status()).isNull();
        assertThat(store.deliveries("w1", 1, 1)).extracting(WebhookDelivery::id).containsExactly(2L);

        // A lease that ran out can be taken over.
        assertThat(store.leaseWebhook("w1", "node-b", now.plusSeconds(40), now.plusSeconds(70))).isTrue();

        assertThat(store.removeWebhook("o2", "w1")).isFalse();
        assertThat(store.removeWebhook("o1", "w1")).isTrue();
        assertThat(store.webhooks("o1")).isEmpty();
        assertThat(store.deliveries("w1", 0, 10)).isEmpty();
        assertThat(store.webhookPosition("w1")).isNull();
    }

    private static Commit write(String actor, List<Change> changes) {
        return new Commit(Commit.ANY, actor, Instant.now(), changes, List.of());
    }

    private static List<Change> user(int i) {
        return List.of(new Change.UserPut(new User("g" + i, "G" + i, "g" + i + "@example.com", null, false, Samples.T)));
    }

    @Test
    void aGroupGivesEachWriteItsOwnRevisionAndChangelogEntryAndAllSurviveReopening() throws Exception {
        store.commit("system", user(0));
        try (Store.Group g = store.group()) {
            assertThat(g.add(write("a1", user(1)))).isEqualTo(2);
            assertThat(g.add(write("a2", user(2)))).isEqualTo(3);
            assertThat(g.add(write("a3", user(3)))).isEqualTo(4);
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
            assertThat(g.add(write("a1", user(1)))).isEqualTo(2);
            // The whole refused write is undone, its first change too.
            assertThatThrownBy(() -> g.add(write("bad", List.of(user(9).get(0), new Change.UserPut(sameEmail)))))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isConflict()).isTrue());
            assertThat(g.add(write("a2", user(2)))).isEqualTo(3);
            g.commit();
        }
        store = reopen(store);
        assertThat(store.revision()).isEqualTo(3);
        assertThat(store.load().users()).extracting(User::id).containsExactlyInAnyOrder("g0", "g1", "g2");
        assertThat(store.changesAfter(0, 10)).extracting(ChangelogEntry::actor).containsExactly("system", "a1", "a2");
    }
}
