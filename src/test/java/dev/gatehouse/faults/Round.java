package dev.gatehouse.faults;

import dev.gatehouse.http.TestApp;
import dev.gatehouse.service.Services;
import dev.gatehouse.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One round: a fresh database and a node on it, a world built through the API, concurrent writers and a
 * reader, one fault chosen by the seed, a probe write once the database is back, then the four rules
 * checked against a fresh load of the database.
 */
final class Round {
    static final int WRITERS = 4;

    /** What a round did and found. */
    record Result(String store, long seed, String fault, int acknowledged, int refused, int unknown,
                  ReadProbe.Stats reads, long healMillis, long millis, List<Rules.Violation> violations, Rules rules) {
        boolean failed() {
            return !violations.isEmpty();
        }

        @Override
        public String toString() {
            return String.format("[faults %s] seed=%d fault=%s writes acknowledged=%d refused=%d unknown=%d; during the fault %s;"
                            + " healed in %s; round %d ms: %s", store, seed, fault, acknowledged, refused, unknown, reads,
                    healMillis < 0 ? "never" : healMillis + " ms", millis,
                    violations.isEmpty() ? "OK" : "FAILED " + rules.rules());
        }
    }

    private Round() {
    }

    static Result run(Bench bench, long seed, Path dir) throws Exception {
        long started = System.nanoTime();
        Random random = new Random(seed);
        String fault = bench.faults().get(random.nextInt(bench.faults().size()));
        boolean kill = fault.equals(Bench.KILL);
        TestApp app = null;
        ChildNode child = null;
        try (Bench.Database db = bench.prepare(dir)) {
            String origin;
            if (kill) {
                child = ChildNode.start(db.nodeDir(), db.dbUrl());
                origin = child.origin();
            } else {
                app = TestApp.start(db.faulty());
                origin = app.origin();
            }
            Api api = new Api(origin, TestApp.SYSTEM);
            Workload workload = Workload.build(api, WRITERS, random);
            ReadProbe reader = new ReadProbe(api, workload.readPath);
            Writers writers = new Writers(api, workload, random.nextLong());
            writers.start();
            Thread.sleep(200 + random.nextInt(600));

            long from = System.nanoTime();
            String detail = kill ? Bench.KILL : db.inject(fault, random);
            if (kill) {
                child.kill();
                writers.stop();
                reader.stop();
                // Restarted on the same data, in this JVM, so that its index can be compared too.
                app = TestApp.start(db.direct());
                api = new Api(app.origin(), TestApp.SYSTEM);
            }
            long back = System.nanoTime();
            long healMillis = probe(api, workload, writers.sink(), back);
            List<Attempt> attempts = new ArrayList<>(writers.stop());
            reader.stop();
            // A killed node answered no reads during its fault: R4 asks only that the restarted one writes.
            ReadProbe.Stats reads = kill ? null : reader.during(from, back);

            Rules rules = judge(db, app, workload, attempts);
            if (reads != null) {
                rules.answeredDuringFault(reads, attempts, from, back);
            }
            rules.healed(lastProbe(attempts), healMillis < 0 ? Rules.HEAL_LIMIT_MS : healMillis);
            int[] counts = new int[3];
            attempts.forEach(a -> counts[a.outcome().ordinal()]++);
            return new Result(bench.store(), seed, detail, counts[0], counts[1], counts[2],
                    reads == null ? new ReadProbe.Stats(0, 0, 0, 0) : reads, healMillis,
                    (System.nanoTime() - started) / 1_000_000, rules.violations(), rules);
        } finally {
            if (app != null) {
                app.close();
            }
            if (child != null) {
                child.close();
            }
        }
    }

    /** R1 to R3: the node's index and every attempt against a fresh load of the database and its changelog. */
    private static Rules judge(Bench.Database db, TestApp app, Workload workload, List<Attempt> attempts)
            throws InterruptedException {
        WorldDump truth;
        Map<String, String> truthValues;
        Map<String, String> atAck;
        Store direct = db.direct().get();
        try (Services fresh = Services.open(direct, Services.Options.defaults(TestApp.SYSTEM))) {
            truth = WorldDump.of(fresh.reads());
            truthValues = fresh.reads().read(workload::values);
            atAck = History.valuesAt(direct, workload.lastAcknowledged(attempts));
        }
        // A node behind the database catches up by its follower, which backs off up to 5 s while the database is down.
        app.reads().awaitRevision(truth.revision(), 10_000);
        Rules rules = new Rules();
        rules.indexMatchesDatabase(WorldDump.of(app.reads()), truth);
        Map<String, String> initials = workload.initials();
        rules.databaseExplains(attempts, initials, truthValues, atAck, truth.revision());
        rules.nodeExplains(attempts, initials, app.reads().read(workload::values), truthValues);
        return rules;
    }

    /**
     * Writes a new space every 100 ms until one is acknowledged or {@link Rules#HEAL_LIMIT_MS} have passed
     * since {@code since}; returns how long it took, or -1.
     */
    private static long probe(Api api, Workload workload, List<Attempt> into, long since) throws InterruptedException {
        for (int i = 0; ; i++) {
            Slot slot = workload.probe(i);
            Attempt a = Writers.record(api, slot, slot.next(null, null), into);
            long elapsed = (System.nanoTime() - since) / 1_000_000;
            if (a.outcome() == Attempt.Outcome.ACKNOWLEDGED) {
                return elapsed;
            }
            if (elapsed > Rules.HEAL_LIMIT_MS) {
                return -1;
            }
            Thread.sleep(100);
        }
    }

    private static Attempt lastProbe(List<Attempt> attempts) {
        Attempt last = null;
        for (Attempt a : attempts) {
            if (a.key().contains("-probe-") && (last == null || a.startNanos() > last.startNanos())) {
                last = a;
            }
        }
        return last;
    }
}
