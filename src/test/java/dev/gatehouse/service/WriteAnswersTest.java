package dev.gatehouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.SiteVisibility;
import dev.gatehouse.store.MemoryStore;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write answers with the state it produced: a later write committed in the same group, applied to the
 * index before the first writer is answered, does not show in the first one's answer.
 */
class WriteAnswersTest {
    private Services svc;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private String org;
    private String space;
    private final Caller system = Caller.SYSTEM;
    private final Caller bob = Caller.user("bob");

    @BeforeEach
    void setUp() {
        svc = Services.open(new MemoryStore(), Services.Options.defaults("system-token-0123456789"));
        svc.users().create(system, new UserService.NewUser("alice", "Alice", "alice@example.com", null));
        svc.users().create(system, new UserService.NewUser("bob", "Bob", "bob@example.com", null));
        org = svc.organizations().create(system, "Acme", Role.READ, "alice").value().id();
        svc.organizations().invite(system, org, List.of(new OrganizationService.Invite("bob@example.com", Role.READ,
                true)), null, false);
        space = svc.content().createSpace(system, org, "Handbook", null, null, null, null).value().value().id();
        svc.permissions().invite(system, PermissionService.Target.of(ResourceRef.space(space)), Role.EDIT,
                List.of("bob"), List.of());
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        svc.close();
    }

    @Test
    void aPageWrittenInTheSameGroupAsALaterGrantAnswersWithThePermissionItsOwnWriteLeft() throws Exception {
        String page = svc.pages().create(system, space, "Intro", null, null, null).value().page().id();
        CountDownLatch release = holdWrites();
        Future<Written<PageService.PageView>> renamed = pool.submit(() ->
                svc.pages().update(bob, space, page, "Introduction", null, false, null, null));
        awaitQueued(1);
        Future<?> granted = pool.submit(() -> svc.permissions().setUser(system,
                PermissionService.Target.page(space, page), "bob", Role.ADMIN));
        awaitQueued(2);
        release.countDown();

        PageService.PageView answer = renamed.get(10, TimeUnit.SECONDS).value();
        granted.get(10, TimeUnit.SECONDS);
        assertThat(answer.page().title()).isEqualTo("Introduction");
        assertThat(answer.role()).isEqualTo(Role.EDIT);
        assertThat(svc.pages().get(bob, space, page).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void aSiteChangedInTheSameGroupAsALaterSiteSpaceCountsOnlyTheSpacesItsOwnWriteLeft() throws Exception {
        String site = svc.sites().create(system, org, "Docs", SiteVisibility.PUBLIC, List.of(space))
                .value().site().id();
        String second = svc.content().createSpace(system, org, "API", null, null, null, null).value().value().id();
        CountDownLatch release = holdWrites();
        Future<Written<SiteService.SiteView>> renamed = pool.submit(() ->
                svc.sites().update(system, org, site, "Developer docs", null, null));
        awaitQueued(1);
        Future<?> added = pool.submit(() -> svc.sites().addSpace(system, org, site, second));
        awaitQueued(2);
        release.countDown();

        SiteService.SiteView answer = renamed.get(10, TimeUnit.SECONDS).value();
        added.get(10, TimeUnit.SECONDS);
        assertThat(answer.site().title()).isEqualTo("Developer docs");
        assertThat(answer.siteSpaces()).isEqualTo(1);
        assertThat(svc.sites().get(system, org, site).siteSpaces()).isEqualTo(2);
    }

    /** Holds the write lock with a write that waits in its planner: the next writes queue up into one group. */
    private CountDownLatch holdWrites() throws InterruptedException {
        CountDownLatch planning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        pool.submit(() -> svc.writes().write(system, w -> {
            planning.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Plan.nothing(null);
        }));
        assertThat(planning.await(10, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    private void awaitQueued(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (svc.writes().queuedWrites() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("writes did not queue up");
            }
            Thread.sleep(5);
        }
    }
}
