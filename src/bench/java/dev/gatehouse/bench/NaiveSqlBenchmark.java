package dev.gatehouse.bench;

import dev.gatehouse.engine.World;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Space;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Gatehouse against the query a developer writes by hand ({@link NaiveSql}), on a real PostgreSQL holding
 * the {@code large} dataset, written through Gatehouse's PostgreSQL store ({@link PostgresBenchmark}).
 * Both answer the whole question: every member who reaches a space, and every space one member reaches.
 * Gatehouse's side is its engine walking all pages of 1000, as the HTTP endpoints do.
 */
final class NaiveSqlBenchmark {
    /** The naive queries take seconds each: fewer runs of them, more of Gatehouse's milliseconds. */
    private static final int NAIVE_RUNS = 3;
    private static final int RUNS = 7;

    private NaiveSqlBenchmark() {
    }

    record Row(String question, double naiveMs, double gatehouseMs, int answers) { }

    /** Times both questions on {@code c} (a database holding {@code large}) and on the engine over {@code w}. */
    static List<Row> rows(Connection c, World w) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
        String space = everyone(w);
        String member = busiestMember(w);
        List<Row> rows = new ArrayList<>();
        int[] sizes = new int[2];
        rows.add(new Row("aggregate of a space every member reaches (all pages)",
                median(NAIVE_RUNS, () -> sizes[0] = NaiveSql.aggregate(c, space).size()),
                median(RUNS, () -> aggregateWalk(w, space)), sizes[0]));
        rows.add(new Row("spaces of the member reaching the most, of 200 non-admins (all pages)",
                median(NAIVE_RUNS, () -> sizes[1] = NaiveSql.memberSpaces(c, "large", member).size()),
                median(RUNS, () -> memberSpacesWalk(w, member)), sizes[1]));
        if (aggregateWalk(w, space) != sizes[0] || memberSpacesWalk(w, member) != sizes[1]) {
            throw new IllegalStateException("the naive SQL and Gatehouse disagree on the answer's size");
        }
        return rows;
    }

    static String table(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append(String.format("%n| question (`large`) | answers | naive recursive SQL ms | Gatehouse engine ms "
                + "| Gatehouse faster by | target | met |%n| --- | ---: | ---: | ---: | ---: | --- | --- |%n"));
        for (Row r : rows) {
            double ratio = r.naiveMs() / r.gatehouseMs();
            md.append(String.format("| %s | %,d | %,.1f | %,.2f | %,.0fx | ≥ 20x | %s |%n", r.question(), r.answers(),
                    r.naiveMs(), r.gatehouseMs(), ratio, ratio >= 20 ? "yes" : "**no**"));
        }
        md.append(String.format("%nMedians after one warm-up run: %d runs of each SQL query, %d of each Gatehouse walk. "
                + "The SQL is `NaiveSql`'s: one recursive query per question over the tables, checked against the engine "
                + "by `NaiveSqlTest`.%n", NAIVE_RUNS, RUNS));
        return md.toString();
    }

    private static double median(int runs, Callable<?> work) throws Exception {
        work.call();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
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

    private static int aggregateWalk(World w, String space) {
        return EngineWalks.aggregate(w, ResourceRef.space(space));
    }

    private static int memberSpacesWalk(World w, String member) {
        return EngineWalks.memberSpaces(w, "large", member);
    }
}
