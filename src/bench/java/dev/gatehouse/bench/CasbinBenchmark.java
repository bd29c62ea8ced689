package dev.gatehouse.bench;

import dev.gatehouse.engine.Permissions;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.model.Role;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * jCasbin beside the engine, the same questions on the same data ({@link CasbinWorld} says how it is
 * translated and what it cannot say). Each {@code gatehouseX} is paired with {@code casbinX} in the peer
 * table that {@link RunBenchmarks} writes.
 *
 * <p>Scale: {@code large} at 1% ({@value #SCALE}: 1,000 members, 20 teams, 10 collections, 500 spaces,
 * 1,000 pages, 5,000 grants), for both. Casbin's enforcer evaluates its matcher against every policy line
 * on each request, so a request costs time in proportion to the policy (about 5,000 lines here, over half a
 * million at full scale), and a list is one request per candidate: the full dataset would take hours per
 * list.
 *
 * <ul>
 *   <li>{@code effective}: the random (member, resource) pairs of {@link EngineBenchmark}; Gatehouse
 *       computes the member's role, Casbin answers {@code enforce(user, org, resource, "read")}.</li>
 *   <li>{@code aggregate}: who can reach a top-level space with a role default (every page of
 *       Gatehouse's aggregate; Casbin: {@code batchEnforce} over every member).</li>
 *   <li>{@code memberSpaces}: which spaces an ordinary member with the edit role reaches (every page of
 *       Gatehouse's member spaces; Casbin: {@code batchEnforce} over every space).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Fork(1)
public class CasbinBenchmark {
    static final double SCALE = 0.01;

    PeerData data;
    CasbinWorld casbin;
    List<ResourceRef> spaces;
    int cursor;

    @Setup(Level.Trial)
    public void load() {
        data = PeerData.load(SCALE);
        casbin = new CasbinWorld(data.world, PeerData.ORG);
        spaces = data.all.stream().filter(r -> r.type() == ResourceType.SPACE).toList();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EngineBenchmark.BATCH)
    public void gatehouseEffective(Blackhole bh) {
        int c = cursor;
        for (int i = 0; i < EngineBenchmark.BATCH; i++) {
            int k = (c + i) & (EngineBenchmark.PAIRS - 1);
            bh.consume(Permissions.effective(data.world, data.users[k], data.resources[k]));
        }
        cursor = c + EngineBenchmark.BATCH;
    }

    /** One request per call: a request takes milliseconds, a batch of them would make iterations coarse. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public boolean casbinEffective() {
        int k = cursor++ & (EngineBenchmark.PAIRS - 1);
        return casbin.can(data.users[k], data.resources[k], Role.READ);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int gatehouseAggregate() {
        return data.aggregate(data.everyone);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int casbinAggregate() {
        return casbin.readers(data.everyone, data.members).size();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int gatehouseMemberSpaces() {
        return data.memberSpaces(data.member);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int casbinMemberSpaces() {
        return casbin.readable(data.member, spaces).size();
    }
}
