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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.security.acls.jdbc.JdbcMutableAclService;

/**
 * Spring Security ACL beside the engine, the same questions on the same data ({@link SpringAclWorld} says
 * how it is translated and what it cannot say). Each {@code gatehouseX} is paired with {@code springAclX}
 * in the peer table that {@link RunBenchmarks} writes.
 *
 * <p>Scale: {@code large} at 1%, as {@link CasbinBenchmark} (1,000 members, 20 teams, 10 collections, 500
 * spaces, 1,000 pages, 5,000 grants), for both. Checks are answered from the warmed cache, but loading is
 * not: {@link JdbcMutableAclService} writes each ACL and its entries row by row and reads it back, several
 * milliseconds per ACL on these machines, so the full dataset (151,000 ACLs, half a million entries) would
 * take tens of minutes to load, and JMH loads it again for every benchmark method.
 *
 * <ul>
 *   <li>{@code effective}: the random (member, resource) pairs of {@link EngineBenchmark}; Gatehouse
 *       computes the member's role, Spring ACL answers {@code readAclById} then
 *       {@code isGranted(roles at least read, the member's sids)} from its warmed cache.</li>
 *   <li>{@code aggregate}: who can reach a top-level space with a role default (every page of
 *       Gatehouse's aggregate; Spring ACL: the space's ACL checked against every member's sids).</li>
 *   <li>{@code memberSpaces}: which spaces an ordinary member with the edit role reaches (every page of
 *       Gatehouse's member spaces; Spring ACL: {@code readAclsById} of every space, each checked).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Fork(1)
public class SpringAclBenchmark {
    static final double SCALE = CasbinBenchmark.SCALE;

    PeerData data;
    SpringAclWorld acl;
    List<ResourceRef> spaces;
    int cursor;

    @Setup(Level.Trial)
    public void load() {
        data = PeerData.load(SCALE);
        acl = new SpringAclWorld(data.world, PeerData.ORG);
        spaces = data.all.stream().filter(r -> r.type() == ResourceType.SPACE).toList();
    }

    @TearDown(Level.Trial)
    public void close() {
        acl.close();
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

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EngineBenchmark.BATCH)
    public void springAclEffective(Blackhole bh) {
        int c = cursor;
        for (int i = 0; i < EngineBenchmark.BATCH; i++) {
            int k = (c + i) & (EngineBenchmark.PAIRS - 1);
            bh.consume(acl.can(data.users[k], data.resources[k], Role.READ));
        }
        cursor = c + EngineBenchmark.BATCH;
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
    public int springAclAggregate() {
        return acl.readers(data.everyone, data.members).size();
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
    public int springAclMemberSpaces() {
        return acl.readable(data.member, spaces).size();
    }
}
