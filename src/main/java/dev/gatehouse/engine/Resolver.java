package dev.gatehouse.engine;

import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Explanation.Step;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Space;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;

/**
 * Steps 1 to 6 of permission-model.md for one user on one resource.
 *
 * <p>One walk serves both {@code effective} (no trace, nothing allocated) and {@code explain} (a list that
 * every visited level is written to), so the two can never disagree. The walk climbs {@link Node}s, whose
 * references to the levels above spare it a lookup by id per level.
 * A level answers with an int: {@link #GO_ON}, {@link #NONE} or a role's ordinal, because a Role alone
 * cannot say "go on" and the hot path should not allocate a result object per level.
 *
 * <p>Every walk is made at one instant {@code now} (microseconds): a grant whose expiry has passed is not
 * there. A level pays for that only when one of its grants may have expired ({@link Node#soonest}).
 */
final class Resolver {
    private static final Role[] ROLES = Role.values();
    /** Never a {@link RoleTable} code, so a level can hand on what a grant table answered. */
    private static final int GO_ON = -3;
    private static final int NONE = RoleTable.NONE;
    /** Parent chains are validated acyclic on write; this only turns a corrupted index into an error, not a hang. */
    private static final int MAX_DEPTH = 10_000;

    private Resolver() {
    }

    /**
     * What a walk reports besides its answer: the levels it visited (explain), and when the grant that decided
     * expires (aggregates list it). Null on the hot path, which records nothing.
     */
    static final class Trace {
        /** Every level visited, or null when only the decision's expiry is wanted. */
        final List<Step> steps;
        /** When the grant that decided expires; null when nothing that decided expires. */
        Instant until;

        Trace(List<Step> steps) {
            this.steps = steps;
        }

        /** Ready for another walk. */
        Trace reset() {
            until = null;
            return this;
        }
    }

    /** Step 1 (membership), then the rest, at {@code now}. {@code steps} may be null. */
    static Role effective(World w, String userId, ResourceRef r, long now, Trace steps) {
        // Asked before the resource is known, on purpose: see World#soleMembership.
        Principal sole = w.soleMembership(userId);
        Node n = w.node(r);
        String orgId = n == null ? null : n.organization();
        if (orgId == null) {
            return null;
        }
        Principal p = sole != null && sole.orgId.equals(orgId) ? sole : w.principal(orgId, userId);
        if (p == null) {
            return record(steps, "organization", orgId, "not-member", null, null);
        }
        if (p.disabled) {
            return record(steps, "organization", orgId, "disabled", null, null);
        }
        return asIfEnabled(w, p, n, now, steps);
    }

    /**
     * Steps 2 to 6 for a member of the resource's organization, disabled or not: site aggregates list
     * disabled members with the permission they would have. Null for a resource that does not exist.
     */
    static Role asIfEnabled(World w, Principal p, Node n, long now, Trace steps) {
        if (n == null || !n.exists) {
            return null;
        }
        switch (n.type) {
            case PAGE:
                return fromPage(w, p, n, now, steps);
            case SPACE:
                return space(w, p, n, now, steps);
            case COLLECTION:
                return p.role == Role.ADMIN ? admin(p, steps) : walkCollections(w, p, n, now, steps);
            case SITE:
                return fromSite(w, p, n, now, steps);
            default:
                throw new IllegalArgumentException("unknown resource type " + n.type);
        }
    }

    /**
     * Steps 2 to 6 on a space and its node, as a listing of a member's spaces walks them all. {@code climbs}
     * keeps this member's answers from each collection upward, for the other spaces of the same listing.
     */
    static Role space(World w, Principal p, Space s, Node n, long now, Climbs climbs) {
        if (p.role == Role.ADMIN) {
            return admin(p, null);
        }
        if (s.deleted()) {
            return null;
        }
        return walkSpace(w, p, n, now, null, climbs);
    }

    /**
     * One member's answers from a collection upward. Every space under a collection climbs the same levels
     * above it, and an organization holds tens of spaces per collection, so a listing of a member's spaces
     * walks each collection chain once instead of once per space. Valid for one member, one state of the
     * index and one instant: made per listing, under the read lock.
     */
    static final class Climbs {
        private final IdentityHashMap<Node, Role> answers = new IdentityHashMap<>();
    }

    /** Steps 2 to 6 on an existing space (site aggregates walk many). */
    static Role space(World w, Principal p, Node s, long now, Trace steps) {
        if (p.role == Role.ADMIN) {
            return admin(p, steps);
        }
        if (s.deleted) {
            return record(steps, "space", s.id(), "deleted", null, null);
        }
        return walkSpace(w, p, s, now, steps, null);
    }

    private static Role admin(Principal p, Trace steps) {
        return record(steps, "organization", p.orgId, "admin", Role.ADMIN, null);
    }

    private static Role fromPage(World w, Principal p, Node page, long now, Trace steps) {
        if (p.role == Role.ADMIN) {
            return admin(p, steps);
        }
        Node s = page.space;
        if (s == null || !s.exists) {
            return null;
        }
        if (s.deleted) {
            return record(steps, "space", s.id(), "deleted", null, null);
        }
        Node n = page;
        for (int depth = 0; n != null; depth++) {
            guard(depth);
            int o = level(p, n, "page", now, steps);
            if (o != GO_ON) {
                return decode(o);
            }
            n = n.existingParent();
        }
        return walkSpace(w, p, s, now, steps, null);
    }

    private static Role fromSite(World w, Principal p, Node site, long now, Trace steps) {
        if (p.role == Role.ADMIN) {
            return admin(p, steps);
        }
        int o = level(p, site, "site", now, steps);
        return o != GO_ON ? decode(o) : organization(p, steps);
    }

    /**
     * The space level, then the site level, then the collections, then the organization. {@code climbs},
     * when given (never with {@code steps}), answers the collections from a walk made for an earlier space.
     */
    private static Role walkSpace(World w, Principal p, Node s, long now, Trace steps, Climbs climbs) {
        int o = level(p, s, "space", now, steps);
        if (o != GO_ON) {
            return decode(o);
        }
        o = siteLevel(w, p, s, now, steps);
        if (o != GO_ON) {
            return decode(o);
        }
        Node c = s.existingParent();
        if (c == null) {
            return organization(p, steps);
        }
        if (climbs == null) {
            return walkCollections(w, p, c, now, steps);
        }
        Role known = climbs.answers.get(c);
        if (known == null && !climbs.answers.containsKey(c)) {
            known = walkCollections(w, p, c, now, null);
            climbs.answers.put(c, known);
        }
        return known;
    }

    private static Role walkCollections(World w, Principal p, Node start, long now, Trace steps) {
        Node c = start;
        for (int depth = 0; c != null; depth++) {
            guard(depth);
            int o = level(p, c, "collection", now, steps);
            if (o != GO_ON) {
                return decode(o);
            }
            c = c.existingParent();
        }
        return organization(p, steps);
    }

    /** Step 6: the member role; a guest gets none. */
    private static Role organization(Principal p, Trace steps) {
        if (p.role == null) {
            return record(steps, "organization", p.orgId, "guest", null, null);
        }
        return record(steps, "organization", p.orgId, "organization-role", p.role, null);
    }

    /** Rules a to e on one level, at {@code now}. */
    private static int level(Principal p, Node n, String name, long now, Trace steps) {
        int own = n.userGrant(p, now);
        if (own != RoleTable.ABSENT) {
            if (steps != null) {
                granted(steps, name, n.id(), "user-grant", decode(own), null, n.userExpiry(p));
            }
            return own;
        }
        Grantee me = p.grantee;
        int team = n.bestTeam(me, now);
        if (team >= 0) {
            int code = n.get(me.teamKeys()[team]);
            if (steps != null) {
                String teamId = me.teamIds()[team];
                granted(steps, name, n.id(), "team-grant", decode(code), teamId, n.teamExpiry(teamId));
            }
            return code;
        }
        DefaultLevel dl = n.defaultLevel;
        switch (dl.kind()) {
            case ROLE:
                if (p.role == null) {
                    record(steps, name, n.id(), "guest", null, null);
                    return NONE;
                }
                record(steps, name, n.id(), "default", dl.role(), null);
                return dl.role().ordinal();
            case NONE:
                record(steps, name, n.id(), "default-none", null, null);
                return NONE;
            default:
                pass(steps, name, n.id(), "inherit");
                return GO_ON;
        }
    }

    /**
     * The site level of a space: rules a and b over every site that publishes it. (a) When the user has a
     * user grant on any of those sites, the highest of them decides (none when all are {@code null}).
     * (b) Otherwise, when any of the user's teams has a grant on any of them, the highest team grant
     * decides (none when all are {@code null}). (c) Otherwise the walk goes on. Sites' default levels
     * are not consulted: they never flow into spaces. A grant on a site counts whether the site exists or not.
     */
    private static int siteLevel(World w, Principal p, Node s, long now, Trace steps) {
        if (!s.published) {
            return GO_ON;
        }
        NavigableSet<String> sites = w.sitesPublishing(s.id());
        Grantee me = p.grantee;
        String userSite = null;
        int userCode = RoleTable.ABSENT;
        Instant userUntil = null;
        String teamSite = null;
        String teamId = null;
        int teamCode = RoleTable.ABSENT;
        Instant teamUntil = null;
        // Ascending site ids, replaced only by a strictly higher role: the step names the lowest site on a tie.
        for (String siteId : sites) {
            Node site = w.node(ResourceType.SITE, siteId);
            if (site == null) {
                continue;
            }
            int own = site.userGrant(p, now);
            if (own != RoleTable.ABSENT) {
                if (userSite == null || own > userCode) {
                    userSite = siteId;
                    userCode = own;
                    userUntil = steps == null ? null : site.userExpiry(p);
                }
            } else if (userSite == null) {
                int team = site.bestTeam(me, now);
                if (team >= 0) {
                    int code = site.get(me.teamKeys()[team]);
                    if (teamId == null || code > teamCode) {
                        teamSite = siteId;
                        teamId = me.teamIds()[team];
                        teamCode = code;
                        teamUntil = steps == null ? null : site.teamExpiry(teamId);
                    }
                }
            }
        }
        if (userSite != null) {
            if (steps != null) {
                granted(steps, "site-level", userSite, "site-user-grant", decode(userCode), null, userUntil);
            }
            return userCode;
        }
        if (teamId != null) {
            if (steps != null) {
                granted(steps, "site-level", teamSite, "site-team-grant", decode(teamCode), teamId, teamUntil);
            }
            return teamCode;
        }
        pass(steps, "site-level", s.id(), "site-none");
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
                Grant teamGrant = granted.get(team);
                if (teamGrant != null && (best == null || higher(teamGrant.role(), bestRole))) {
                    best = team;
                    bestRole = teamGrant.role();
                }
            }
        }
        return best;
    }

    /** True when optional role {@code a} is strictly more powerful than optional role {@code b} (none is lowest). */
    private static boolean higher(Role a, Role b) {
        return a != null && (b == null || a.ordinal() > b.ordinal());
    }

    /** A step that decided, by a rule that is not a grant. */
    private static Role record(Trace t, String level, String id, String rule, Role role, String teamId) {
        if (t != null && t.steps != null) {
            t.steps.add(new Step(level, id, rule, role, true, teamId));
        }
        return role;
    }

    /** A step that decided by a grant, which expires at {@code until} (null: never). */
    private static void granted(Trace t, String level, String id, String rule, Role role, String teamId,
                                Instant until) {
        t.until = until;
        if (t.steps != null) {
            t.steps.add(new Step(level, id, rule, role, true, teamId, until));
        }
    }

    /** A step that passed the walk on. */
    private static void pass(Trace t, String level, String id, String rule) {
        if (t != null && t.steps != null) {
            t.steps.add(new Step(level, id, rule, null, false, null));
        }
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
