package dev.gatehouse.engine;

import dev.gatehouse.engine.Permissions.Step;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.Space;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;

/**
 * Steps 1 to 6 of permission-model.md for one user on one resource.
 *
 * <p>One walk serves both {@code effective} (no trace, nothing allocated beyond the lookup keys) and
 * {@code explain} (a list that every visited level is written to), so the two can never disagree.
 * A level answers with an int: {@link #GO_ON}, {@link #NONE} or a role's ordinal, because a Role alone
 * cannot say "go on" and the hot path should not allocate a result object per level.
 */
final class Resolver {
    private static final Role[] ROLES = Role.values();
    private static final int GO_ON = -2;
    private static final int NONE = -1;
    /** Parent chains are validated acyclic on write; this only turns a corrupted index into an error, not a hang. */
    private static final int MAX_DEPTH = 10_000;

    private Resolver() {
    }

    /** Step 1 (membership), then the rest. {@code steps} may be null. */
    static Role effective(World w, String userId, ResourceRef r, List<Step> steps) {
        String orgId = w.organizationOf(r);
        if (orgId == null) {
            return null;
        }
        Member m = w.member(orgId, userId);
        if (m == null) {
            return record(steps, "organization", orgId, "not-member", null, null);
        }
        if (m.disabled()) {
            return record(steps, "organization", orgId, "disabled", null, null);
        }
        return asIfEnabled(w, m, r, steps);
    }

    /**
     * Steps 2 to 6 for a member of the resource's organization, disabled or not: site aggregates list
     * disabled members with the permission they would have.
     */
    static Role asIfEnabled(World w, Member m, ResourceRef r, List<Step> steps) {
        switch (r.type()) {
            case PAGE: {
                Page p = w.page(r.id());
                return p == null ? null : fromPage(w, m, p, steps);
            }
            case SPACE: {
                Space s = w.space(r.id());
                return s == null ? null : space(w, m, s, steps);
            }
            case COLLECTION: {
                Collection c = w.collection(r.id());
                return c == null ? null : fromCollection(w, m, c, steps);
            }
            case SITE: {
                Site s = w.site(r.id());
                return s == null ? null : fromSite(w, m, s, steps);
            }
            default:
                throw new IllegalArgumentException("unknown resource type " + r.type());
        }
    }

    /** Steps 2 to 6 on a space the caller already holds (member spaces and site aggregates walk many). */
    static Role space(World w, Member m, Space s, List<Step> steps) {
        if (m.role() == Role.ADMIN) {
            return record(steps, "organization", m.orgId(), "admin", Role.ADMIN, null);
        }
        if (s.deleted()) {
            return record(steps, "space", s.id(), "deleted", null, null);
        }
        return walkSpace(w, m, s, steps);
    }

    private static Role fromPage(World w, Member m, Page page, List<Step> steps) {
        if (m.role() == Role.ADMIN) {
            return record(steps, "organization", m.orgId(), "admin", Role.ADMIN, null);
        }
        Space s = w.space(page.spaceId());
        if (s == null) {
            return null;
        }
        if (s.deleted()) {
            return record(steps, "space", s.id(), "deleted", null, null);
        }
        Page p = page;
        for (int depth = 0; p != null; depth++) {
            guard(depth);
            int o = level(w, m, ResourceRef.page(p.id()), p.defaultLevel(), "page", steps);
            if (o != GO_ON) {
                return decode(o);
            }
            p = p.parentId() == null ? null : w.page(p.parentId());
        }
        return walkSpace(w, m, s, steps);
    }

    private static Role fromCollection(World w, Member m, Collection c, List<Step> steps) {
        if (m.role() == Role.ADMIN) {
            return record(steps, "organization", m.orgId(), "admin", Role.ADMIN, null);
        }
        return walkCollections(w, m, c, steps);
    }

    private static Role fromSite(World w, Member m, Site site, List<Step> steps) {
        if (m.role() == Role.ADMIN) {
            return record(steps, "organization", m.orgId(), "admin", Role.ADMIN, null);
        }
        int o = level(w, m, ResourceRef.site(site.id()), site.defaultLevel(), "site", steps);
        return o != GO_ON ? decode(o) : organization(m, steps);
    }

    /** The space level, then the site level, then the collections, then the organization. */
    private static Role walkSpace(World w, Member m, Space s, List<Step> steps) {
        int o = level(w, m, ResourceRef.space(s.id()), s.defaultLevel(), "space", steps);
        if (o != GO_ON) {
            return decode(o);
        }
        o = siteLevel(w, m, s, steps);
        if (o != GO_ON) {
            return decode(o);
        }
        Collection c = s.parentId() == null ? null : w.collection(s.parentId());
        return c == null ? organization(m, steps) : walkCollections(w, m, c, steps);
    }

    private static Role walkCollections(World w, Member m, Collection start, List<Step> steps) {
        Collection c = start;
        for (int depth = 0; c != null; depth++) {
            guard(depth);
            int o = level(w, m, ResourceRef.collection(c.id()), c.defaultLevel(), "collection", steps);
            if (o != GO_ON) {
                return decode(o);
            }
            c = c.parentId() == null ? null : w.collection(c.parentId());
        }
        return organization(m, steps);
    }

    /** Step 6: the member role; a guest gets none. */
    private static Role organization(Member m, List<Step> steps) {
        if (m.role() == null) {
            return record(steps, "organization", m.orgId(), "guest", null, null);
        }
        return record(steps, "organization", m.orgId(), "organization-role", m.role(), null);
    }

    /** Rules a to e on one level. */
    private static int level(World w, Member m, ResourceRef ref, DefaultLevel dl, String name, List<Step> steps) {
        World.Grants g = w.grants(ref);
        Grant own = g.users().get(m.userId());
        if (own != null) {
            record(steps, name, ref.id(), "user-grant", own.role(), null);
            return code(own.role());
        }
        // Most levels have no team grants: skip even fetching the user's teams then.
        String team = g.teams().isEmpty() ? null : bestTeam(w.teamsOf(m.userId()), g.teams());
        if (team != null) {
            Role role = g.teams().get(team).role();
            record(steps, name, ref.id(), "team-grant", role, team);
            return code(role);
        }
        switch (dl.kind()) {
            case ROLE:
                if (m.role() == null) {
                    record(steps, name, ref.id(), "guest", null, null);
                    return NONE;
                }
                record(steps, name, ref.id(), "default", dl.role(), null);
                return dl.role().ordinal();
            case NONE:
                record(steps, name, ref.id(), "default-none", null, null);
                return NONE;
            default:
                if (steps != null) {
                    steps.add(new Step(name, ref.id(), "inherit", null, false, null));
                }
                return GO_ON;
        }
    }

    /**
     * The site level of a space: rules a and b over every site that publishes it. (a) When the user has a
     * user grant on any of those sites, the highest of them decides (none when all are {@code null}).
     * (b) Otherwise, when any of the user's teams has a grant on any of them, the highest team grant
     * decides (none when all are {@code null}). (c) Otherwise the walk goes on. Sites' default levels
     * are not consulted: they never flow into spaces.
     */
    private static int siteLevel(World w, Member m, Space s, List<Step> steps) {
        NavigableSet<String> sites = w.sitesPublishing(s.id());
        if (sites.isEmpty()) {
            return GO_ON;
        }
        String userSite = null;
        Role userRole = null;
        String teamSite = null;
        String teamId = null;
        Role teamRole = null;
        NavigableSet<String> myTeams = w.teamsOf(m.userId());
        // Ascending site ids, replaced only by a strictly higher role: the step names the lowest site on a tie.
        for (String siteId : sites) {
            World.Grants g = w.grants(ResourceRef.site(siteId));
            Grant own = g.users().get(m.userId());
            if (own != null) {
                if (userSite == null || higher(own.role(), userRole)) {
                    userSite = siteId;
                    userRole = own.role();
                }
            } else if (userSite == null) {
                String team = bestTeam(myTeams, g.teams());
                if (team != null) {
                    Role role = g.teams().get(team).role();
                    if (teamId == null || higher(role, teamRole)) {
                        teamSite = siteId;
                        teamId = team;
                        teamRole = role;
                    }
                }
            }
        }
        if (userSite != null) {
            record(steps, "site-level", userSite, "site-user-grant", userRole, null);
            return code(userRole);
        }
        if (teamId != null) {
            record(steps, "site-level", teamSite, "site-team-grant", teamRole, teamId);
            return code(teamRole);
        }
        if (steps != null) {
            steps.add(new Step("site-level", s.id(), "site-none", null, false, null));
        }
        return GO_ON;
    }

    /**
     * The team among {@code mine} whose grant in {@code granted} is highest, the lowest team id on a tie;
     * {@code null} grants lose to any role, and when all are {@code null} the lowest such team is returned.
     * Returns null when none of the user's teams has a grant. Iterates the smaller side: a user is in few
     * teams, but a resource may have many team grants, and the other way round.
     */
    static String bestTeam(NavigableSet<String> mine, NavigableMap<String, Grant> granted) {
        if (mine.isEmpty() || granted.isEmpty()) {
            return null;
        }
        String best = null;
        Role bestRole = null;
        if (granted.size() <= mine.size()) {
            for (Map.Entry<String, Grant> e : granted.entrySet()) {
                if (mine.contains(e.getKey())) {
                    Role role = e.getValue().role();
                    if (best == null || higher(role, bestRole)) {
                        best = e.getKey();
                        bestRole = role;
                    }
                }
            }
        } else {
            for (String team : mine) {
                Grant g = granted.get(team);
                if (g != null && (best == null || higher(g.role(), bestRole))) {
                    best = team;
                    bestRole = g.role();
                }
            }
        }
        return best;
    }

    /** True when optional role {@code a} is strictly more powerful than optional role {@code b} (none is lowest). */
    private static boolean higher(Role a, Role b) {
        return a != null && (b == null || a.ordinal() > b.ordinal());
    }

    private static Role record(List<Step> steps, String level, String id, String rule, Role role, String teamId) {
        if (steps != null) {
            steps.add(new Step(level, id, rule, role, true, teamId));
        }
        return role;
    }

    private static int code(Role role) {
        return role == null ? NONE : role.ordinal();
    }

    private static Role decode(int code) {
        return code < 0 ? null : ROLES[code];
    }

    private static void guard(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("parent chain longer than " + MAX_DEPTH + ": the index has a cycle");
        }
    }
}
