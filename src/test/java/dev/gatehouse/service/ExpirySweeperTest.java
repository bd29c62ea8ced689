package dev.gatehouse.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.clock.MovableClock;
import dev.gatehouse.engine.Permissions;
import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditPosition;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.Visibility;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Giving grants an expiry through the service, and the sweep that removes them once it has passed: in
 * revisions of bounded size, each removal audited as {@code grant.expired} by the system, and exactly once
 * when two nodes on one database sweep at the same moment.
 */
class ExpirySweeperTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Caller SYS = Caller.SYSTEM;

    @TempDir
    Path dir;
    private final MovableClock clock = new MovableClock(T0);
    private final List<Services> open = new ArrayList<>();
    private final java.util.Map<Services, dev.gatehouse.store.Store> stores = new java.util.HashMap<>();

    private Services node() {
        dev.gatehouse.store.Store store = SqliteStore.open(dir.resolve("gatehouse.db"));
        Services s = Services.open(store, Services.Options.defaults("system-token-0123456789").withClock(clock));
        open.add(s);
        stores.put(s, store);
        return s;
    }

    @AfterEach
    void close() {
        open.forEach(Services::close);
    }

    /** An organization "Org" with admin u0 and members u1..u{n}, and one space; returns the space. */
    private dev.gatehouse.store.Store storeOf(Services s) {
        return stores.get(s);
    }

    private static ResourceRef world(Services s, int members) {
        for (int i = 0; i <= members; i++) {
            s.users().create(SYS, new UserService.NewUser("u" + i, "U" + i, "u" + i + "@example.com", null));
        }
        String org = s.organizations().create(SYS, "Org", Role.READ, "u0").value().id();
        List<OrganizationService.Invite> invites = new ArrayList<>();
        for (int i = 1; i <= members; i++) {
            invites.add(new OrganizationService.Invite("u" + i + "@example.com", Role.READ, false));
        }
        s.organizations().invite(SYS, org, invites, null, false);
        return ResourceRef.space(s.content().createSpace(SYS, org, "S", null, null, Visibility.PRIVATE,
                DefaultLevel.NONE).value().value().id());
    }

    private static List<String> members(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add("u" + i);
        }
        return out;
    }

    private List<AuditEntry> expiredEntries(Services s) {
        String org = s.reads().read(w -> w.organizations().firstKey());
        return storeOf(s).auditLog(org, AuditPosition.START, 100_000).stream()
                .filter(e -> e.event().action().equals("grant.expired")).toList();
    }

    @Test
    void anExpiryInThePastOrMoreThanAYearAheadIsRefusedAndChangesNothing() {
        Services s = node();
        ResourceRef space = world(s, 1);
        long revision = s.status().revision();
        for (Instant bad : List.of(T0, T0.minusSeconds(1), T0.atOffset(java.time.ZoneOffset.UTC).plusYears(1)
                .toInstant().plusNanos(1000))) {
            assertThatThrownBy(() -> s.permissions().invite(SYS, PermissionService.Target.of(space), Role.EDIT, List.of("u1"), List.of(), bad))
                    .isInstanceOf(ApiException.class).hasMessageContaining("expiresAt")
                    .extracting(e -> ((ApiException) e).status()).isEqualTo(400);
        }
        assertThat(s.status().revision()).isEqualTo(revision);
        Instant inAYear = T0.atOffset(java.time.ZoneOffset.UTC).plusYears(1).toInstant();
        assertThat(s.permissions().setUser(SYS, PermissionService.Target.of(space), "u1", Role.EDIT, inAYear).changed()).isTrue();
    }

    @Test
    void theSweepRemovesWhatExpiredInBoundedRevisionsEachAuditedAsExpiredBySystem() {
        Services s = node();
        int n = ExpirySweeper.BATCH + 7;
        ResourceRef space = world(s, n);
        Instant expiry = T0.plus(Duration.ofMinutes(10));
        s.permissions().invite(SYS, PermissionService.Target.of(space), Role.EDIT, members(n), List.of(), expiry);
        s.permissions().setUser(SYS, PermissionService.Target.of(space), "u1", Role.COMMENT, expiry.plusSeconds(60));
        ExpirySweeper sweeper = s.sweeper();

        clock.set(expiry.minusNanos(1000));
        assertThat(sweeper.sweepOnce()).as("nothing has expired yet").isZero();
        clock.set(expiry);
        Role beforeSweep = s.reads().read(w -> Permissions.effective(w, "u2", space));
        assertThat(beforeSweep).as("before any sweep").isNull();
        long before = s.status().revision();
        assertThat(sweeper.sweepOnce()).isEqualTo(n - 1);
        assertThat(s.status().revision()).as("two revisions for %d grants", n - 1).isEqualTo(before + 2);
        List<String> left = s.reads().read(w -> List.copyOf(w.grants(space).users().keySet()));
        assertThat(left).containsExactly("u1");
        assertThat(storeOf(s).load().grants()).hasSize(1);

        List<AuditEntry> expired = expiredEntries(s);
        assertThat(expired).hasSize(n - 1);
        assertThat(expired).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.event().before()).isEqualTo("edit");
            assertThat(e.event().after()).isNull();
            assertThat(e.event().resourceId()).isEqualTo(space.id());
        });
        assertThat(sweeper.sweepOnce()).as("a second sweep finds nothing").isZero();
    }

    @Test
    void twoNodesSweepingOneDatabaseAtOnceRemoveEachGrantOnceAndNeitherFails() throws Exception {
        Services a = node();
        ResourceRef space = world(a, 40);
        Instant expiry = T0.plus(Duration.ofMinutes(5));
        a.permissions().invite(SYS, PermissionService.Target.of(space), Role.EDIT, members(40), List.of(), expiry);
        Services b = node();
        int onB = b.reads().read(w -> w.grants(space).users().size());
        assertThat(onB).isEqualTo(40);
        clock.set(expiry);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        try {
            List<Future<Integer>> sweeps = new ArrayList<>();
            for (Services node : List.of(a, b)) {
                ExpirySweeper sweeper = node.sweeper();
                sweeps.add(threads.submit(() -> {
                    together.await();
                    return sweeper.sweepOnce();
                }));
            }
            int removed = sweeps.get(0).get(30, TimeUnit.SECONDS) + sweeps.get(1).get(30, TimeUnit.SECONDS);
            assertThat(removed).as("between them, each grant once").isEqualTo(40);
        } finally {
            threads.shutdownNow();
        }
        a.follower().catchUp();
        b.follower().catchUp();
        assertThat(expiredEntries(a)).hasSize(40)
                .extracting(e -> e.event().subjectId()).doesNotHaveDuplicates();
        for (Services node : List.of(a, b)) {
            int grants = node.reads().read(w -> w.grants(space).users().size());
            int held = node.reads().read(w -> w.grantsHeldBy(SubjectRef.user("u1")).size());
            assertThat(grants + held).isZero();
        }
        assertThat(storeOf(a).load().grants()).isEmpty();
    }

    @Test
    void anotherExpiryIsAnUpdateAndAGrantGivenAgainAfterItExpiredIsCreatedAndLeftByTheSweep() {
        Services s = node();
        ResourceRef space = world(s, 1);
        Instant expiry = T0.plus(Duration.ofMinutes(10));
        s.permissions().setUser(SYS, PermissionService.Target.of(space), "u1", Role.EDIT, expiry);
        s.permissions().setUser(SYS, PermissionService.Target.of(space), "u1", Role.EDIT, expiry.plusSeconds(60));
        clock.set(expiry.plusSeconds(60));
        s.permissions().setUser(SYS, PermissionService.Target.of(space), "u1", Role.EDIT, expiry.plusSeconds(600));
        assertThat(s.sweeper().sweepOnce()).as("the grant given again is not the expired one").isZero();

        String org = s.reads().read(w -> w.organizations().firstKey());
        List<String> grantEntries = storeOf(s).auditLog(org, AuditPosition.START, 100).stream()
                .map(e -> e.event().action() + " " + e.event().before() + ">" + e.event().after())
                .filter(line -> line.startsWith("grant.")).toList();
        assertThat(grantEntries).containsExactly("grant.created null>edit", "grant.updated edit>edit",
                "grant.created null>edit");
        Role now = s.reads().read(w -> Permissions.effective(w, "u1", space));
        assertThat(now).isEqualTo(Role.EDIT);
    }
}
