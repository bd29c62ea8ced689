package dev.gatehouse.bench;

import dev.gatehouse.datasets.Datasets;
import dev.gatehouse.engine.Permissions;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.SubjectType;
import dev.gatehouse.engine.Reads;
import dev.gatehouse.service.Services;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * 100,000 grants of {@code large} expiring at one instant, on a node serving checks: how long the sweep takes
 * to remove them through the write path (SQLite, durable commits), and what the checks made meanwhile cost.
 *
 * <p>{@code large} is written once into {@code target/bench-data/expiry/gatehouse.db} and copied for each run.
 * On the copy, 100,000 grants chosen by a seeded generator are given one expiry a day ahead; a node opens it
 * on a clock that ticks but can jump, with its sweep running as {@code serve} runs it. One thread checks: for
 * 10 s to warm up, for {@link #BEFORE_SECONDS} s measured, then the clock jumps to the expiry and the checks go
 * on, measured, until the sweep has removed the last of them. Half the checks ask about a (user, resource) of an
 * expiring user grant, so the walk meets expired grants not yet swept.
 *
 * <p>The thread alternates, a second each, between two ways of asking, counted apart. Back to back: each check
 * as soon as the last one answered, timed from its start, which is what a check costs, waits for the index
 * included; but a thread that waits on a stall makes one slow check and then simply asks later, so a stall
 * hides in one sample (coordinated omission). At a steady {@link #RATE} a second: each check has its due time
 * and is timed from then, so every check due while the index was held, or while the thread had no core, is
 * late by as much: what a stream of requests would see, machine included.
 */
final class MassExpiry {
    static final int EXPIRING = 100_000;
    private static final int BEFORE_SECONDS = 10;
    /**
     * Checks a second: a busy node's load for one thread, and far below what one thread answers (hundreds of
     * thousands), so that lateness comes from stalls and from the machine, not from a thread that cannot keep up.
     */
    static final int RATE = 10_000;

    /** Latencies of one phase's checks. */
    record Phase(String name, long checks, double seconds, double p50Micros, double p99Micros, double p999Micros,
                 double maxMillis, long overOneMilli, long gcMillis) {
        double perSecond() {
            return checks / seconds;
        }
    }

    record Result(int expired, double sweepSeconds, long revisions, Phase before, Phase beforeAtRate, Phase during,
                  Phase duringAtRate) {
    }

    private MassExpiry() {
    }

    static Result run(Path root) throws IOException, InterruptedException {
        Path original = prepared(root.resolve("expiry"));
        Path dir = Files.createTempDirectory("gatehouse-mass-expiry");
        Path db = dir.resolve("gatehouse.db");
        // The database with its key file: the secrets in it are sealed with that key.
        try (var files = Files.list(original.getParent())) {
            for (Path p : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                Files.copy(p, dir.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try {
            JumpClock clock = new JumpClock();
            Instant expiry = clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
            List<Grant> chosen = giveOneExpiry(db, expiry);
            return measure(db, clock, expiry, chosen);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** {@code large} in a SQLite file, written once. */
    private static Path prepared(Path dir) throws IOException {
        Path db = dir.resolve("gatehouse.db");
        Path complete = dir.resolve(".complete");
        if (Files.exists(complete)) {
            return db;
        }
        Files.createDirectories(dir);
        Files.deleteIfExists(db);
        System.out.println("writing large into " + db + " (once)");
        try (Store store = SqliteStore.open(db)) {
            Datasets.large(store, BenchData.SEED, Datasets.Large.scaled(1.0));
        }
        Files.createFile(complete);
        return db;
    }

    /** Gives {@link #EXPIRING} grants, chosen by a seeded generator, the expiry {@code at}; returns them. */
    private static List<Grant> giveOneExpiry(Path db, Instant at) {
        try (Store store = SqliteStore.open(db)) {
            List<Grant> all = new ArrayList<>(store.load().grants());
            all.sort(java.util.Comparator.comparing((Grant g) -> g.resource().toString())
                    .thenComparing(g -> g.subject().toString()));
            Collections.shuffle(all, new Random(13));
            List<Grant> chosen = new ArrayList<>();
            List<Change> batch = new ArrayList<>();
            for (Grant g : all.subList(0, EXPIRING)) {
                Grant expiring = new Grant(g.resource(), g.subject(), g.role(), at);
                chosen.add(expiring);
                batch.add(new Change.GrantPut(expiring));
                if (batch.size() == 20_000) {
                    store.commit("system", batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                store.commit("system", batch);
            }
            return chosen;
        }
    }

    private static Result measure(Path db, JumpClock clock, Instant expiry, List<Grant> chosen)
            throws InterruptedException {
        // Every background loop of a served node runs, the sweep included, on the clock that can jump.
        Services.Options options = Services.Options.defaults("bench-system-token-0123456789").withClock(clock);
        try (Services services = Services.open(SqliteStore.open(db), options).start()) {
            Reads core = services.reads();
            int expiring = core.read(World::expiringGrantCount);
            Questions q = new Questions(core, chosen);
            Checker warm = q.run(Duration.ofSeconds(10));
            warm.stop();
            Checker before = q.run(null);
            Thread.sleep(BEFORE_SECONDS * 1000L);
            before.stop();

            long revision = core.revision();
            Checker during = q.run(null);
            long started = System.nanoTime();
            clock.jumpTo(expiry);
            while (core.read(World::expiringGrantCount) > 0) {
                Thread.sleep(5);
            }
            double sweepSeconds = (System.nanoTime() - started) / 1e9;
            during.stop();
            return new Result(expiring, sweepSeconds, core.revision() - revision,
                    before.backToBack.phase("before the expiry, back to back"),
                    before.atRate.phase(String.format(java.util.Locale.ROOT, "before the expiry, at %,d/s", RATE)),
                    during.backToBack.phase("during the sweep, back to back"),
                    during.atRate.phase(String.format(java.util.Locale.ROOT, "during the sweep, at %,d/s", RATE)));
        }
    }

    /** The pairs asked about: half of expiring user grants, half of random members and resources. */
    private static final class Questions {
        final Reads core;
        final String[] users;
        final ResourceRef[] resources;

        Questions(Reads core, List<Grant> chosen) {
            this.core = core;
            List<String> members = core.read(w -> new ArrayList<>(w.members(BenchData.ORG).keySet()));
            List<ResourceRef> all = core.read(w -> {
                List<ResourceRef> out = new ArrayList<>();
                w.spaces(BenchData.ORG).forEach(s -> out.add(ResourceRef.space(s.id())));
                w.collections(BenchData.ORG).keySet().forEach(id -> out.add(ResourceRef.collection(id)));
                return out;
            });
            List<Grant> userGrants = chosen.stream().filter(g -> g.subject().type() == SubjectType.USER).toList();
            int n = 1 << 16;
            users = new String[n];
            resources = new ResourceRef[n];
            Random r = new Random(17);
            for (int i = 0; i < n; i++) {
                if (i % 2 == 0) {
                    Grant g = userGrants.get(r.nextInt(userGrants.size()));
                    users[i] = g.subject().id();
                    resources[i] = g.resource();
                } else {
                    users[i] = members.get(r.nextInt(members.size()));
                    resources[i] = all.get(r.nextInt(all.size()));
                }
            }
        }

        /** Starts checking on a thread of its own; for {@code length}, or until stopped when null. */
        Checker run(Duration length) throws InterruptedException {
            Checker c = new Checker(this);
            c.thread.start();
            if (length != null) {
                Thread.sleep(length.toMillis());
            }
            return c;
        }
    }

    /** One thread checking, a second back to back and a second at {@link #RATE}, in turn. */
    private static final class Checker {
        final Recorder backToBack = new Recorder();
        final Recorder atRate = new Recorder();
        final AtomicBoolean stop = new AtomicBoolean();
        final Thread thread;

        Checker(Questions q) {
            thread = new Thread(() -> {
                long interval = 1_000_000_000L / RATE;
                int k = 0;
                for (boolean steady = false; !stop.get(); steady = !steady) {
                    Recorder into = steady ? atRate : backToBack;
                    long start = System.nanoTime();
                    long end = start + 1_000_000_000L;
                    long due = start;
                    long now = start;
                    while (now < end && !stop.get()) {
                        if (steady) {
                            while (System.nanoTime() < due) {
                                Thread.onSpinWait();
                            }
                        }
                        int i = k++ & (q.users.length - 1);
                        String u = q.users[i];
                        ResourceRef r = q.resources[i];
                        long asked = steady ? due : System.nanoTime();
                        q.core.read(w -> Permissions.effective(w, u, r));
                        now = System.nanoTime();
                        into.add(now - asked);
                        due += interval;
                    }
                    into.nanos += now - start;
                }
            }, "mass-expiry-checks");
        }

        void stop() throws InterruptedException {
            stop.set(true);
            thread.join();
            backToBack.gcAtStop = Recorder.gcMillis();
            atRate.gcAtStop = backToBack.gcAtStop;
        }
    }

    /**
     * Latencies in a histogram (10 ns buckets to 100 µs, 1 µs buckets to 100 ms, the exact value beyond), the
     * time spent checking, and the time the JVM spent collecting meanwhile (the whole phase's, both ways).
     */
    private static final class Recorder {
        private static final int FINE = 10_000;
        private static final int COARSE = 100_000;
        final long[] fine = new long[FINE];
        final long[] coarse = new long[COARSE];
        final List<Long> beyond = new ArrayList<>();
        long count;
        long max;
        long nanos;
        final long gcAtStart = gcMillis();
        long gcAtStop;

        private void add(long nanos) {
            count++;
            max = Math.max(max, nanos);
            if (nanos < FINE * 10L) {
                fine[(int) (nanos / 10)]++;
            } else if (nanos < COARSE * 1000L) {
                coarse[(int) (nanos / 1000)]++;
            } else {
                beyond.add(nanos);
            }
        }

        static long gcMillis() {
            long total = 0;
            for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                total += Math.max(0, gc.getCollectionTime());
            }
            return total;
        }

        /** The latency (ns) below which a share {@code q} of the checks fall. */
        private double quantile(double q) {
            long rank = (long) Math.ceil(q * count);
            long seen = 0;
            for (int i = 0; i < FINE; i++) {
                seen += fine[i];
                if (seen >= rank) {
                    return i * 10.0 + 5;
                }
            }
            for (int i = 0; i < COARSE; i++) {
                seen += coarse[i];
                if (seen >= rank) {
                    return i * 1000.0 + 500;
                }
            }
            List<Long> sorted = new ArrayList<>(beyond);
            java.util.Collections.sort(sorted);
            return sorted.isEmpty() ? max : sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, rank - seen - 1)));
        }

        Phase phase(String name) {
            long slow = beyond.size();
            for (int i = 1000; i < COARSE; i++) {
                slow += coarse[i];
            }
            return new Phase(name, count, nanos / 1e9, quantile(0.50) / 1e3, quantile(0.99) / 1e3,
                    quantile(0.999) / 1e3, max / 1e6, slow, gcAtStop - gcAtStart);
        }
    }
}
