package dev.gatehouse.bench;

import dev.gatehouse.engine.Index;
import dev.gatehouse.engine.Permissions;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Space;
import dev.gatehouse.datasets.Datasets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine on the {@code large} dataset: the questions a documentation platform asks most. The world is
 * built straight into the index (the store is not on the read path), one thread.
 */
@State(Scope.Benchmark)
@Fork(1)
public class EngineBenchmark {
    static final int PAIRS = 1 << 16;
    static final int BATCH = 1024;

    @Param({"1.0"})
    public double scale;

    World world;
    String[] users = new String[PAIRS];
    ResourceRef[] resources = new ResourceRef[PAIRS];
    /** A space that every non-guest member reaches (a top-level space with a role default). */
    ResourceRef everyone;
    /** A member who reaches every space: an organization admin. */
    String admin = "u000000";
    String site = "w000000";
    int cursor;

    @Setup(Level.Trial)
    public void load() {
        Index index = new Index();
        long[] revision = {0};
        Datasets.large(batch -> index.apply(++revision[0], batch), 42, Datasets.Large.scaled(scale));
        world = index.read(w -> w);
        List<ResourceRef> all = new ArrayList<>();
        for (Space s : world.spaces("large")) {
            all.add(ResourceRef.space(s.id()));
            if (everyone == null && s.parentId() == null && s.defaultLevel().kind() == DefaultLevel.Kind.ROLE) {
                everyone = ResourceRef.space(s.id());
            }
        }
        world.collections("large").keySet().forEach(id -> all.add(ResourceRef.collection(id)));
        for (Space s : world.spaces("large")) {
            world.pages(s.id()).forEach(p -> all.add(ResourceRef.page(p.id())));
        }
        List<String> members = new ArrayList<>(world.members("large").keySet());
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < PAIRS; i++) {
            users[i] = members.get(r.nextInt(members.size()));
            resources[i] = all.get(r.nextInt(all.size()));
        }
    }

    /**
     * Effective permission of random (member, space/collection/page) pairs. Three forks: the answer rate is
     * bound by cache misses over a heap of hundreds of MB, which makes it sensitive to whatever else shares
     * the machine's memory; one build measured 0.6 to 1.2 million a second, from one JVM to the next and
     * even from one iteration to the next within a JVM, so one fork is a draw, not a measurement.
     */
    @Benchmark
    @Fork(3)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public void effective(Blackhole bh) {
        int c = cursor;
        for (int i = 0; i < BATCH; i++) {
            int k = (c + i) & (PAIRS - 1);
            bh.consume(Permissions.effective(world, users[k], resources[k]));
        }
        cursor = c + BATCH;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object explain() {
        int k = cursor++ & (PAIRS - 1);
        return Permissions.explain(world, users[k], resources[k]);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object aggregateFirstPage() {
        return Permissions.aggregate(world, everyone, null, null, 1000);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int aggregateFullWalk() {
        return EngineWalks.aggregate(world, everyone);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object memberSpacesFirstPage() {
        return Permissions.memberSpaces(world, "large", admin, true, null, 1000);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int memberSpacesFullWalk() {
        return EngineWalks.memberSpaces(world, "large", admin);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object siteAggregateFirstPage() {
        return Permissions.siteAggregate(world, site, null, 1000);
    }
}
