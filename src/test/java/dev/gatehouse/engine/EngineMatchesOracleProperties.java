package dev.gatehouse.engine;

import dev.gatehouse.engine.Permissions.AggregatePage;
import dev.gatehouse.engine.Permissions.MemberSpacesPage;
import dev.gatehouse.engine.Permissions.SiteAccess;
import dev.gatehouse.engine.Permissions.SiteAggregatePage;
import dev.gatehouse.engine.Permissions.SpaceAccess;
import dev.gatehouse.engine.Permissions.SpaceKey;
import dev.gatehouse.model.Explanation.Step;
import dev.gatehouse.model.Explanation;
import dev.gatehouse.model.Origin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.model.Change;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.oracle.GeneratedWorld;
import dev.gatehouse.oracle.Oracle;
import dev.gatehouse.oracle.RandomWorlds;
import dev.gatehouse.oracle.Seeds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine answers every read exactly as the oracle (permission-model.md said plainly) does, on random
 * small worlds; lists are read page by page with a random limit and the pages put back together.
 *
 * <p>Some grants of the worlds expire: every read is asked at each of the world's {@link GeneratedWorld#instants}
 * (before any expiry, and a microsecond before and exactly at each instant a grant expires at), the engine
 * pinned at that instant and the oracle built for it, without a sweep: expiry must never wait for one.
 *
 * <p>Each property checks {@link Seeds#TRIES} worlds ({@link RandomWorlds#world}) from its own first seed;
 * a failure prints the seed and the world, and {@code -Dgatehouse.seed=N} replays exactly that world.
 */
class EngineMatchesOracleProperties {
    private static final String CLASS = "EngineMatchesOracleProperties#";

    /** A world and the page size its lists are read with. */
    record Paged(GeneratedWorld world, int limit) {
        static Paged of(long seed) {
            return new Paged(RandomWorlds.world(seed), 1 + new Random(~seed).nextInt(5));
        }

        @Override
        public String toString() {
            return "limit " + limit + ", " + world;
        }
    }

    private static World engineWorld(GeneratedWorld g) {
        World w = new World();
        for (Change c : g.changes()) {
            w.apply(c);
        }
        return w;
    }

    @Test
    void effectivePermissionAndExplainMatchTheModel() {
        Seeds seeds = new Seeds(CLASS + "effectivePermissionAndExplainMatchTheModel", 1_000_000L);
        seeds.forEach(RandomWorlds::world, (seed, g) -> {
            coverage(seeds, g);
            effectivePermissionAndExplainMatchTheModel(g);
        });
        for (String feature : FEATURES) {
            seeds.assertCoverage(feature, 3);
        }
    }

    private static void effectivePermissionAndExplainMatchTheModel(GeneratedWorld g) {
        World w = engineWorld(g);
        for (Instant at : g.instants()) {
            w.at(at, () -> {
                effectivePermissionAndExplainMatchTheModel(g, w, new Oracle(g.changes(), at), at);
                return null;
            });
        }
    }

    private static void effectivePermissionAndExplainMatchTheModel(GeneratedWorld g, World w, Oracle oracle, Instant at) {
        for (String u : g.users()) {
            for (ResourceRef r : g.resources()) {
                Role expected = oracle.effective(u, r);
                assertThat(Permissions.effective(w, u, r)).as("effective(%s, %s) at %s", u, r, at).isEqualTo(expected);

                Explanation e = Permissions.explain(w, u, r);
                assertThat(e.permission()).as("explain(%s, %s).permission", u, r).isEqualTo(expected);
                if (w.exists(r)) {
                    assertThat(e.steps()).as("explain(%s, %s) steps", u, r).isNotEmpty();
                    Step last = e.steps().get(e.steps().size() - 1);
                    assertThat(last.decided()).as("last step of explain(%s, %s) decides: %s", u, r, e).isTrue();
                    assertThat(last.role()).as("last step of explain(%s, %s) gives the permission", u, r)
                            .isEqualTo(expected);
                    assertThat(e.steps().subList(0, e.steps().size() - 1)).as("earlier steps of %s", e)
                            .noneMatch(Step::decided);
                    replay(oracle, u, r, e);
                } else {
                    assertThat(e.steps()).as("explain(%s, missing %s)", u, r).isEmpty();
                }
            }
        }
    }

    /** Rules decided before any level is walked; every other step of an explanation is one level of the walk. */
    private static final java.util.Set<String> BEFORE_THE_WALK = java.util.Set.of("not-member", "disabled", "admin", "deleted");

    /**
     * The explanation replayed by the oracle: the same levels in the same order, each passing or deciding
     * with the same role as the oracle's own walk. (A site-level step names the deciding site; the oracle
     * names the space whose site level it is, so only the kind is compared there.)
     */
    private static void replay(Oracle oracle, String u, ResourceRef r, Explanation e) {
        List<Step> walked = e.steps().stream().filter(s -> !BEFORE_THE_WALK.contains(s.rule())).toList();
        List<Oracle.TraceStep> trace = oracle.trace(u, r);
        assertThat(walked).as("explain(%s, %s) walks as many levels as the oracle: %s vs %s", u, r, e, trace)
                .hasSameSizeAs(trace);
        for (int i = 0; i < trace.size(); i++) {
            Step step = walked.get(i);
            Oracle.TraceStep t = trace.get(i);
            assertThat(step.level()).as("level %d of explain(%s, %s)", i, u, r).isEqualTo(t.level());
            if (!t.level().equals("site-level")) {
                assertThat(step.id()).as("level %d of explain(%s, %s)", i, u, r).isEqualTo(t.id());
            }
            assertThat(step.decided()).as("step %d of %s decides as the oracle's level does", i, e).isEqualTo(t.decided());
            if (t.decided()) {
                assertThat(step.role()).as("step %d of %s", i, e).isEqualTo(t.role());
                assertThat(step.expiresAt()).as("expiry of step %d of %s", i, e).isEqualTo(t.expiresAt());
            }
        }
    }

    /** The situations the model is subtle about: each must occur in at least 3% of the worlds. */
    private static final List<String> FEATURES = List.of("space on two sites", "deleted space", "null grant",
            "team grant", "collections 3 deep", "nested page", "disabled member", "guest", "two organizations",
            "removal", "expiring grant", "expired grant swept", "stale sweep");

    /** Counts what the world exercises, so that the property fails when the generator stops producing it. */
    private static void coverage(Seeds seeds, GeneratedWorld g) {
        for (String feature : FEATURES) {
            seeds.saw(feature, g.features().contains(feature));
        }
    }

    @Test
    void aggregatePagesMatchTheModel() {
        Seeds seeds = new Seeds(CLASS + "aggregatePagesMatchTheModel", 2_000_000L);
        seeds.forEach(Paged::of, (seed, c) -> aggregatePagesMatchTheModel(c.world(), c.limit()));
    }

    private static void aggregatePagesMatchTheModel(GeneratedWorld g, int limit) {
        World w = engineWorld(g);
        for (Instant at : g.instants()) {
            w.at(at, () -> {
                aggregatePagesMatchTheModel(g, w, new Oracle(g.changes(), at), limit, at);
                return null;
            });
        }
    }

    private static void aggregatePagesMatchTheModel(GeneratedWorld g, World w, Oracle oracle, int limit, Instant at) {
        List<Role> filters = new ArrayList<>();
        filters.add(null);
        filters.addAll(List.of(Role.values()));
        for (ResourceRef r : g.resources()) {
            for (Role exactly : filters) {
                LinkedHashMap<String, Role> all = new LinkedHashMap<>();
                String after = null;
                for (int page = 0; ; page++) {
                    assertThat(page).as("aggregate(%s) pages never end", r).isLessThan(100);
                    AggregatePage p = Permissions.aggregate(w, r, exactly, after, limit);
                    assertThat(p.items().size()).as("aggregate(%s) page size", r).isLessThanOrEqualTo(limit);
                    p.items().forEach(a -> all.put(a.userId(), a.role()));
                    for (Permissions.MemberAccess a : p.items()) {
                        assertThat(a.expiresAt()).as("expiry of %s in aggregate(%s) at %s", a.userId(), r, at)
                                .isEqualTo(oracle.expiresAt(a.userId(), r));
                    }
                    if (!p.hasMore()) {
                        break;
                    }
                    assertThat(p.items()).as("aggregate(%s, role=%s) page %s says more follows", r, exactly, page)
                            .hasSize(limit);
                    after = p.items().get(limit - 1).userId();
                }
                assertThat(List.copyOf(all.entrySet()))
                        .as("aggregate(%s, role=%s, limit=%s) at %s", r, exactly, limit, at)
                        .containsExactlyElementsOf(oracle.aggregate(r, exactly).entrySet());
            }
        }
    }

    @Test
    void memberSpacesPagesMatchTheModel() {
        Seeds seeds = new Seeds(CLASS + "memberSpacesPagesMatchTheModel", 3_000_000L);
        seeds.forEach(Paged::of, (seed, c) -> memberSpacesPagesMatchTheModel(c.world(), c.limit()));
    }

    private static void memberSpacesPagesMatchTheModel(GeneratedWorld g, int limit) {
        World w = engineWorld(g);
        for (Instant at : g.instants()) {
            w.at(at, () -> {
                memberSpacesPagesMatchTheModel(g, w, new Oracle(g.changes(), at), limit, at);
                return null;
            });
        }
    }

    private static void memberSpacesPagesMatchTheModel(GeneratedWorld g, World w, Oracle oracle, int limit, Instant at) {
        for (String org : g.organizations()) {
            for (String u : g.users()) {
                for (boolean descending : new boolean[] {false, true}) {
                    LinkedHashMap<String, Role> all = new LinkedHashMap<>();
                    SpaceKey after = null;
                    for (int page = 0; ; page++) {
                        assertThat(page).as("member spaces pages never end").isLessThan(100);
                        MemberSpacesPage p = Permissions.memberSpaces(w, org, u, descending, after, limit);
                        assertThat(p.items().size()).isLessThanOrEqualTo(limit);
                        p.items().forEach(a -> all.put(a.space().id(), a.role()));
                        if (!p.hasMore()) {
                            break;
                        }
                        assertThat(p.items()).as("member spaces page %s says more follows", page).hasSize(limit);
                        SpaceAccess last = p.items().get(limit - 1);
                        after = new SpaceKey(last.space().createdAt(), last.space().id());
                    }
                    assertThat(List.copyOf(all.entrySet()))
                            .as("memberSpaces(%s, %s, descending=%s, limit=%s) at %s", org, u, descending, limit, at)
                            .containsExactlyElementsOf(oracle.memberSpaces(org, u, descending).entrySet());
                }
            }
        }
    }

    @Test
    void siteAggregatePagesMatchTheModel() {
        Seeds seeds = new Seeds(CLASS + "siteAggregatePagesMatchTheModel", 4_000_000L);
        seeds.forEach(Paged::of, (seed, c) -> siteAggregatePagesMatchTheModel(c.world(), c.limit()));
    }

    private static void siteAggregatePagesMatchTheModel(GeneratedWorld g, int limit) {
        World w = engineWorld(g);
        for (Instant at : g.instants()) {
            w.at(at, () -> {
                siteAggregatePagesMatchTheModel(g, w, new Oracle(g.changes(), at), limit, at);
                return null;
            });
        }
    }

    private static void siteAggregatePagesMatchTheModel(GeneratedWorld g, World w, Oracle oracle, int limit, Instant at) {
        for (String site : g.sites()) {
            List<Oracle.SiteLine> all = new ArrayList<>();
            String after = null;
            for (int page = 0; ; page++) {
                assertThat(page).as("site aggregate pages never end").isLessThan(100);
                SiteAggregatePage p = Permissions.siteAggregate(w, site, after, limit);
                assertThat(p.items().size()).isLessThanOrEqualTo(limit);
                for (SiteAccess a : p.items()) {
                    all.add(new Oracle.SiteLine(a.userId(), a.role(), a.disabled(), origin(a.origin()), a.expiresAt()));
                }
                if (!p.hasMore()) {
                    break;
                }
                assertThat(p.items()).as("site aggregate page %s says more follows", page).hasSize(limit);
                after = p.items().get(limit - 1).userId();
            }
            assertThat(all).as("siteAggregate(%s, limit=%s) at %s", site, limit, at)
                    .containsExactlyElementsOf(oracle.siteAggregate(site));
        }
    }

    /** The engine's origin in the oracle's spelling. */
    static String origin(Origin o) {
        if (o instanceof Origin.OrganizationOrigin x) {
            return "organization:" + x.orgId();
        }
        if (o instanceof Origin.SiteOrigin x) {
            return "site:" + x.siteId() + ":" + x.reason() + (x.teamId() == null ? "" : ":" + x.teamId());
        }
        if (o instanceof Origin.SpaceOrigin x) {
            return "space:" + x.spaceId();
        }
        throw new IllegalArgumentException("unknown origin " + o);
    }
}
