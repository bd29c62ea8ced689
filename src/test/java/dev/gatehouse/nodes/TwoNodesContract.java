package dev.gatehouse.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.http.TestApp;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.store.ChangelogEntry;
import dev.gatehouse.store.FaultyStore;
import dev.gatehouse.store.Store;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one database, as behind a load balancer: a write answered by one is seen by the other when
 * asked for its revision, concurrent writes to one grant end in one state on both, and the follower keeps
 * the idle node close behind. A subclass supplies the shared database.
 */
public abstract class TwoNodesContract {
    private static final String[] ROLES = {"\"read\"", "\"comment\"", "\"edit\"", "\"review\"", "\"admin\"", "null"};

    protected TestApp a;
    protected TestApp b;
    private Supplier<Store> db;
    private String alice;
    private String space;

    /** Opens a store on the shared database; called once per node. */
    protected abstract Supplier<Store> sharedDatabase() throws Exception;

    @BeforeEach
    void startNodes() throws Exception {
        db = sharedDatabase();
        a = TestApp.start(db);
        b = TestApp.start(db);
        alice = a.user("alice");
        a.user("bob");
        String org = a.org("Acme", "alice");
        a.member(org, "bob", "\"read\"");
        space = a.space(org, alice, "{\"title\":\"Shared\"}");
        waitUntilCaughtUp(b, a.revision());
    }

    @AfterEach
    void stopNodes() {
        b.close();
        a.close();
    }

    private static void waitUntilCaughtUp(TestApp node, long revision) throws InterruptedException {
        assertThat(node.reads().awaitRevision(revision, 10_000)).as("caught up to " + revision).isTrue();
    }

    private long grant(TestApp node, String roleJson) {
        TestApp.Res r = node.patch("/v1/spaces/" + space + "/permissions/users/bob", alice, "{\"role\":" + roleJson + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        return Long.parseLong(r.header("X-Gatehouse-Revision"));
    }

    private String permissionOfBob(TestApp node, Long minRevision) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(node.origin() + "/v1/spaces/" + space
                + "/permissions/users/bob/explain")).header("Authorization", "Bearer " + alice).GET();
        if (minRevision != null) {
            req.header("X-Gatehouse-Min-Revision", Long.toString(minRevision));
        }
        TestApp.Res r = node.send(req.build());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode p = r.json().get("permission");
        return p.isNull() ? "null" : "\"" + p.asText() + "\"";
    }

    @Test
    void aWriteAnsweredByOneNodeIsSeenByTheOtherWhenAskedWithItsRevision() {
        Random random = new Random(7);
        for (int i = 0; i < 120; i++) {
            boolean onA = random.nextBoolean();
            TestApp writer = onA ? a : b;
            TestApp reader = onA ? b : a;
            String role = ROLES[random.nextInt(ROLES.length - 1)];
            long revision = grant(writer, role);
            if (random.nextInt(4) == 0) {
                // Interleave an unrelated write on the reader, so the two nodes' writes alternate too.
                revision = Math.max(revision, grant(reader, role));
            }
            assertThat(permissionOfBob(reader, revision)).as("write %d", i).isEqualTo(role);
        }
    }

    @Test
    void concurrentWritesToOneGrantEndInOneStateThatBothNodesReport() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                List<Future<Long>> writes = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    TestApp node = t % 2 == 0 ? a : b;
                    int seed = round * 10 + t;
                    writes.add(pool.submit(() -> {
                        Random random = new Random(seed);
                        long last = 0;
                        for (int i = 0; i < 10; i++) {
                            last = Math.max(last, grant(node, ROLES[random.nextInt(ROLES.length - 1)]));
                        }
                        return last;
                    }));
                }
                long latest = 0;
                for (Future<Long> f : writes) {
                    latest = Math.max(latest, f.get());
                }
                waitUntilCaughtUp(a, latest);
                waitUntilCaughtUp(b, latest);
                String onA = permissionOfBob(a, latest);
                assertThat(permissionOfBob(b, latest)).isEqualTo(onA);
                assertThat(onA).isEqualTo(lastCommittedRoleOfBob(a.store()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The role of bob's grant in the last changelog entry that set it: the store's final word. */
    private String lastCommittedRoleOfBob(Store store) {
        ResourceRef resource = ResourceRef.space(space);
        SubjectRef bob = SubjectRef.user("bob");
        String role = null;
        long after = 0;
        List<ChangelogEntry> page;
        while (!(page = store.changesAfter(after, 500)).isEmpty()) {
            for (ChangelogEntry e : page) {
                for (Change c : e.changes()) {
                    if (c instanceof Change.GrantPut p && p.grant().resource().equals(resource)
                            && p.grant().subject().equals(bob)) {
                        Grant g = p.grant();
                        role = g.role() == null ? "null" : "\"" + g.role().wire() + "\"";
                    }
                }
                after = e.revision();
            }
        }
        return role;
    }

    @Test
    void aRevisionAnotherNodeCommittedIsAwaitedAndOneTheDatabaseLacksIsRefusedAtOnce() throws Exception {
        FaultyStore[] store = new FaultyStore[1];
        try (TestApp c = TestApp.start(() -> store[0] = new FaultyStore(db.get()))) {
            waitUntilCaughtUp(c, a.revision());
            CountDownLatch applied = new CountDownLatch(1);
            store[0].changesHeld = applied;
            long revision = grant(a, "\"comment\"");
            assertThat(c.revision()).as("the held node has not applied it").isLessThan(revision);
            CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> permissionOfBob(c, revision));
            Thread.sleep(300);
            assertThat(read).as("waiting for the node to apply revision " + revision).isNotDone();
            applied.countDown();
            assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("\"comment\"");

            long start = System.nanoTime();
            HttpRequest ahead = HttpRequest.newBuilder(URI.create(c.origin() + "/v1/spaces/" + space + "/permissions/users"))
                    .header("Authorization", "Bearer " + alice).header("X-Gatehouse-Min-Revision", Long.toString(revision + 1000))
                    .GET().build();
            TestApp.Res refused = c.send(ahead);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().at("/error/message").asText()).contains("newer than the database's latest");
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms to refuse").isLessThan(2_000);
        }
    }

    @Test
    void theIdleNodeFollowsWithinASecond() throws Exception {
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long revision = grant(a, ROLES[i % (ROLES.length - 1)]);
            long start = System.nanoTime();
            waitUntilCaughtUp(b, revision);
            lags.add((System.nanoTime() - start) / 1_000_000);
        }
        lags.sort(Long::compare);
        System.out.printf("follower lag over 30 writes: median %d ms, max %d ms%n", lags.get(15), lags.get(29));
        assertThat(lags.get(15)).as("median catch-up lag in ms").isLessThan(1000);
    }
}
