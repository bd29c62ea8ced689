package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.model.Change;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Organization;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import dev.gatehouse.model.SiteVisibility;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.model.TeamRole;
import dev.gatehouse.model.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index keeps references between resources and numbered grant tables beside its maps, and updates them
 * change by change. Whatever history led to a state (resources moved, removed and put back, grants made
 * before their resource, sites gone while their grants stay), the answers must be those of a world built
 * from that final state alone, in any order.
 */
class IncrementalIndexTest {
    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");
    private static final String ORG = "o";
    private static final int COLLECTIONS = 5;
    private static final int SPACES = 4;
    private static final int PAGES = 6;
    private static final int SITES = 2;
    private static final int USERS = 4;
    private static final int TEAMS = 3;
    private static final Role[] ROLES = Role.values();

    @Test
    void anyHistoryAnswersLikeItsFinalState() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            World incremental = new World();
            Map<String, Change> finalState = new LinkedHashMap<>();
            put(incremental, finalState, "org", new Change.OrganizationPut(new Organization(ORG, "O", Role.READ, T)));
            for (int u = 0; u < USERS; u++) {
                Role role = u == 0 ? Role.ADMIN : u == 1 ? null : Role.READ;
                put(incremental, finalState, "member " + u,
                        new Change.MemberPut(new Member(ORG, "u" + u, role, false, T)));
            }
            for (int t = 0; t < TEAMS; t++) {
                put(incremental, finalState, "team " + t, new Change.TeamPut(new Team("t" + t, ORG, "T", T)));
            }
            for (int step = 0; step < 80; step++) {
                change(random, incremental, finalState);
            }
            List<Change> rebuilt = new ArrayList<>(finalState.values());
            Collections.shuffle(rebuilt, random);
            World fresh = new World();
            rebuilt.forEach(fresh::apply);
            compare(seed, incremental, fresh);
        }
    }

    private static void change(Random random, World w, Map<String, Change> state) {
        int kind = random.nextInt(9);
        boolean remove = random.nextInt(4) == 0;
        switch (kind) {
            case 0: {
                int c = random.nextInt(COLLECTIONS);
                String parent = c > 0 && random.nextBoolean() ? "c" + random.nextInt(c) : null;
                put(w, state, "collection " + c, remove ? new Change.CollectionRemoved("c" + c)
                        : new Change.CollectionPut(new Collection("c" + c, ORG, parent, "C", null, level(random), T)));
                break;
            }
            case 1: {
                int s = random.nextInt(SPACES);
                String parent = random.nextBoolean() ? "c" + random.nextInt(COLLECTIONS) : null;
                Instant deleted = random.nextInt(5) == 0 ? T : null;
                put(w, state, "space " + s, remove ? new Change.SpaceRemoved("s" + s)
                        : new Change.SpacePut(new Space("s" + s, ORG, parent, "S", null, Visibility.PRIVATE, level(random),
                                T, T, deleted)));
                break;
            }
            case 2: {
                int p = random.nextInt(PAGES);
                String parent = p > 0 && random.nextBoolean() ? "p" + random.nextInt(p) : null;
                put(w, state, "page " + p, remove ? new Change.PageRemoved("p" + p)
                        : new Change.PagePut(new Page("p" + p, "s" + random.nextInt(SPACES), parent, "P", level(random), p, T)));
                break;
            }
            case 3: {
                int s = random.nextInt(SITES);
                put(w, state, "site " + s, remove ? new Change.SiteRemoved("w" + s)
                        : new Change.SitePut(new Site("w" + s, ORG, "W", level(random), SiteVisibility.PUBLIC, true, T)));
                break;
            }
            case 4: {
                int ss = random.nextInt(4);
                put(w, state, "site space " + ss, remove ? new Change.SiteSpaceRemoved("ss" + ss)
                        : new Change.SiteSpacePut(new SiteSpace("ss" + ss, "w" + random.nextInt(SITES),
                                "s" + random.nextInt(SPACES), "/x" + ss, ss, T)));
                break;
            }
            case 5: {
                String team = "t" + random.nextInt(TEAMS);
                String user = "u" + random.nextInt(USERS);
                put(w, state, "membership " + team + " " + user, remove ? new Change.TeamMemberRemoved(team, user)
                        : new Change.TeamMemberPut(new TeamMembership(team, user, TeamRole.MEMBER)));
                break;
            }
            default: {
                ResourceRef r = resource(random);
                SubjectRef subject = random.nextInt(3) == 0 ? SubjectRef.team("t" + random.nextInt(TEAMS))
                        : SubjectRef.user("u" + random.nextInt(USERS));
                Role role = random.nextInt(6) == 0 ? null : ROLES[random.nextInt(ROLES.length)];
                put(w, state, "grant " + r + " " + subject, remove ? new Change.GrantRemoved(r, subject)
                        : new Change.GrantPut(new Grant(r, subject, role)));
                break;
            }
        }
    }

    /** Applies the change, and records what of it the final state keeps. */
    private static void put(World w, Map<String, Change> state, String key, Change c) {
        w.apply(c);
        if (c.getClass().getSimpleName().endsWith("Removed")) {
            state.remove(key);
        } else {
            state.put(key, c);
        }
    }

    private static DefaultLevel level(Random random) {
        int k = random.nextInt(4);
        return k == 0 ? DefaultLevel.NONE : k == 1 ? DefaultLevel.of(ROLES[random.nextInt(ROLES.length)]) : DefaultLevel.INHERIT;
    }

    private static ResourceRef resource(Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return ResourceRef.collection("c" + random.nextInt(COLLECTIONS));
            case 1:
                return ResourceRef.space("s" + random.nextInt(SPACES));
            case 2:
                return ResourceRef.page("p" + random.nextInt(PAGES));
            default:
                return ResourceRef.site("w" + random.nextInt(SITES));
        }
    }

    private static void compare(int seed, World incremental, World fresh) {
        List<ResourceRef> all = new ArrayList<>();
        for (int i = 0; i < COLLECTIONS; i++) {
            all.add(ResourceRef.collection("c" + i));
        }
        for (int i = 0; i < SPACES; i++) {
            all.add(ResourceRef.space("s" + i));
        }
        for (int i = 0; i < PAGES; i++) {
            all.add(ResourceRef.page("p" + i));
        }
        for (int i = 0; i < SITES; i++) {
            all.add(ResourceRef.site("w" + i));
        }
        for (ResourceRef r : all) {
            for (int u = 0; u < USERS; u++) {
                assertThat(Permissions.explain(incremental, "u" + u, r))
                        .as("seed %s: explain(u%s, %s)", seed, u, r)
                        .isEqualTo(Permissions.explain(fresh, "u" + u, r));
                assertThat(Permissions.effective(incremental, "u" + u, r))
                        .as("seed %s: effective(u%s, %s)", seed, u, r)
                        .isEqualTo(Permissions.effective(fresh, "u" + u, r));
            }
            assertThat(Permissions.aggregate(incremental, r, null, null, 100))
                    .as("seed %s: aggregate(%s)", seed, r)
                    .isEqualTo(Permissions.aggregate(fresh, r, null, null, 100));
        }
        for (int u = 0; u < USERS; u++) {
            assertThat(Permissions.memberSpaces(incremental, ORG, "u" + u, false, null, 100))
                    .isEqualTo(Permissions.memberSpaces(fresh, ORG, "u" + u, false, null, 100));
        }
        // What each user and team holds grants on (what removing them takes away): the same set of resources.
        List<dev.gatehouse.model.SubjectRef> subjects = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            subjects.add(dev.gatehouse.model.SubjectRef.user("u" + u));
        }
        for (int t = 0; t < TEAMS; t++) {
            subjects.add(dev.gatehouse.model.SubjectRef.team("t" + t));
        }
        for (dev.gatehouse.model.SubjectRef s : subjects) {
            assertThat(new java.util.HashSet<>(incremental.grantsHeldBy(s))).as("seed %s: grants held by %s", seed, s)
                    .isEqualTo(new java.util.HashSet<>(fresh.grantsHeldBy(s)));
        }
        assertThat(incremental.grantCount()).as("seed %s", seed).isEqualTo(fresh.grantCount());
        for (int s = 0; s < SITES; s++) {
            assertThat(Permissions.siteAggregate(incremental, "w" + s, null, 100))
                    .isEqualTo(Permissions.siteAggregate(fresh, "w" + s, null, 100));
        }
    }
}
