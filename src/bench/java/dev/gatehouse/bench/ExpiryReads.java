package dev.gatehouse.bench;

import dev.gatehouse.datasets.Datasets;
import dev.gatehouse.engine.Index;
import dev.gatehouse.engine.Permissions;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Space;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The effective permission of random (member, space/collection/page) pairs on {@code large}, as a check asks
 * it: one {@link Index#read} per question (which pins the clock's instant) and one walk. Once on the dataset
 * as generated, once with 10% of its grants expiring at instants over the 30 days after tomorrow (none has
 * expired, so every answer is the same): the difference is what expiry costs the hot path.
 *
 * <p>Why not two JMH benchmarks: JMH runs one after the other, and on a shared machine whatever else runs
 * meanwhile moved one build's rate from 0.1 to 1 million a second between iterations; measured minutes
 * apart, the two rates differ by the machine, not by the code. Here both indexes live in one JVM and are
 * measured in alternating rounds, in the order ABBA, so that drift falls on both alike, and the ratio of each
 * pair of neighbouring rounds is what is compared. The two are built from one pass of the generator, batch by
 * batch, so that their objects lie alike in the heap: built one after the other, the second (the expiring one)
 * ran 17% faster than the first, most likely for where its objects landed, since no answer differs.
 */
final class ExpiryReads {
    static final int PAIRS = 1 << 16;
    private static final int BATCH = 1024;
    private static final Duration ROUND = Duration.ofSeconds(2);
    static final int WARMUP_PAIRS = 3;
    static final int MEASURED_PAIRS = 12;

    /** The rates of the measured rounds (ops/s), and the ratio of each pair's rounds (expiring ÷ none). */
    record Result(List<Double> without, List<Double> expiring, List<Double> ratios) {
    }

    /** An index of {@code large} and the pairs asked about. */
    private static final class Data {
        final Index index = new Index();
        final String[] users = new String[PAIRS];
        final ResourceRef[] resources = new ResourceRef[PAIRS];
        int cursor;
        long sink;

        /** The same pairs for every index of the same dataset. */
        void pairs() {
            World world = index.read(w -> w);
            List<ResourceRef> all = new ArrayList<>();
            for (Space s : world.spaces(BenchData.ORG)) {
                all.add(ResourceRef.space(s.id()));
            }
            world.collections(BenchData.ORG).keySet().forEach(id -> all.add(ResourceRef.collection(id)));
            for (Space s : world.spaces(BenchData.ORG)) {
                world.pages(s.id()).forEach(p -> all.add(ResourceRef.page(p.id())));
            }
            List<String> members = new ArrayList<>(world.members(BenchData.ORG).keySet());
            SplittableRandom r = new SplittableRandom(7);
            for (int i = 0; i < PAIRS; i++) {
                users[i] = members.get(r.nextInt(members.size()));
                resources[i] = all.get(r.nextInt(all.size()));
            }
        }

        /** Questions asked for one round; returns the rate. */
        double round() {
            long questions = 0;
            long start = System.nanoTime();
            long end = start + ROUND.toNanos();
            long now;
            do {
                int c = cursor;
                for (int i = 0; i < BATCH; i++) {
                    int k = (c + i) & (PAIRS - 1);
                    String u = users[k];
                    ResourceRef r = resources[k];
                    Role role = index.read(w -> Permissions.effective(w, u, r));
                    sink += role == null ? 7 : role.ordinal();
                }
                cursor = c + BATCH;
                questions += BATCH;
                now = System.nanoTime();
            } while (now < end);
            return questions / ((now - start) / 1e9);
        }
    }

    private ExpiryReads() {
    }

    static Result run() {
        Data without = new Data();
        Data expiring = new Data();
        ExpiringData marker = new ExpiringData(0.10, Instant.now().plus(Duration.ofDays(1)), Duration.ofDays(30));
        long[] revision = {0};
        Datasets.large(batch -> {
            revision[0]++;
            without.index.apply(revision[0], batch);
            expiring.index.apply(revision[0], marker.mark(batch));
        }, BenchData.SEED, Datasets.Large.scaled(1.0));
        without.pairs();
        expiring.pairs();
        int count = expiring.index.read(World::expiringGrantCount);
        if (count < 40_000) {
            throw new IllegalStateException("expected about 50,000 expiring grants, found " + count);
        }
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int pair = 0; pair < WARMUP_PAIRS + MEASURED_PAIRS; pair++) {
            // ABBA: each pair's first round alternates, so a trend in the machine favours neither.
            double ra;
            double rb;
            if (pair % 2 == 0) {
                ra = without.round();
                rb = expiring.round();
            } else {
                rb = expiring.round();
                ra = without.round();
            }
            System.out.printf("pair %d: without %,.0f ops/s, 10%% expiring %,.0f ops/s%n", pair, ra, rb);
            if (pair >= WARMUP_PAIRS) {
                a.add(ra);
                b.add(rb);
                ratios.add(rb / ra);
            }
        }
        System.out.println("(checksum " + (without.sink + expiring.sink) + ")");
        return new Result(a, b, ratios);
    }
}
