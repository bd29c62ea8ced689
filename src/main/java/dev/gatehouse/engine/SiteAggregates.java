package dev.gatehouse.engine;

import dev.gatehouse.engine.Permissions.SiteAccess;
import dev.gatehouse.engine.Permissions.SiteAggregatePage;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Origin;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The site aggregate of permission-model.md, read this way. For each member of the site's organization
 * (ascending user id; disabled members included, resolved as if enabled, with {@code disabled = true}),
 * the first of these that GIVES ACCESS; a source that yields none does not stop the search:
 * <ol>
 *   <li>member role admin: admin, origin organization;</li>
 *   <li>the site's own rules: a user grant gives its role, origin site/"member"; otherwise team grants give
 *       the highest, origin site/"team" naming the team that gave it (lowest team id on a tie); otherwise a
 *       role default gives it to non-guests, origin site/"default"; otherwise a site that inherits gives a
 *       non-guest their member role, origin organization. A {@code null} user grant, all-{@code null} team
 *       grants, a {@code null} default or a guest meeting a default yields none here (rules a-d decided
 *       none, as they would for the site itself) and the search moves to 3;</li>
 *   <li>the highest effective permission over the spaces the site publishes, origin the first space in the
 *       site's order that gives it.</li>
 * </ol>
 * Members for whom none of these gives access are not listed.
 */
final class SiteAggregates {
    private SiteAggregates() {
    }

    static SiteAggregatePage siteAggregate(World w, String siteId, String afterUserId, int limit) {
        Pages.checkLimit(limit);
        Site site = w.site(siteId);
        if (site == null) {
            return new SiteAggregatePage(List.of(), false);
        }
        Iterable<Member> members = afterUserId == null
                ? w.members(site.orgId()).values()
                : w.members(site.orgId()).tailMap(afterUserId, false).values();
        List<SiteAccess> items = new ArrayList<>(Math.min(limit + 1, 1024));
        long now = w.now();
        for (Member m : members) {
            SiteAccess a = access(w, site, m, now);
            if (a != null) {
                items.add(a);
                if (items.size() > limit) {
                    break;
                }
            }
        }
        boolean hasMore = items.size() > limit;
        return new SiteAggregatePage(hasMore ? items.subList(0, limit) : items, hasMore);
    }

    private static SiteAccess access(World w, Site site, Member m, long now) {
        if (m.role() == Role.ADMIN) {
            return new SiteAccess(m.userId(), Role.ADMIN, m.disabled(), new Origin.OrganizationOrigin(site.orgId()));
        }
        SiteAccess own = fromSite(w, site, m);
        return own != null ? own : fromSpaces(w, site, w.principal(site.orgId(), m.userId()), now);
    }

    /** Rules a-e on the site itself, over the grants that count at the read's instant; null when they give none. */
    private static SiteAccess fromSite(World w, Site site, Member m) {
        World.Grants grants = w.grants(ResourceRef.site(site.id()));
        Grant own = grants.users().get(m.userId());
        if (own != null) {
            return own.role() == null ? null
                    : new SiteAccess(m.userId(), own.role(), m.disabled(), new Origin.SiteOrigin(site.id(), "member", null),
                            own.expiresAt());
        }
        String team = Resolver.bestTeam(w.teamsOf(m.userId()), grants.teams());
        if (team != null) {
            Grant best = grants.teams().get(team);
            return best.role() == null ? null
                    : new SiteAccess(m.userId(), best.role(), m.disabled(), new Origin.SiteOrigin(site.id(), "team", team),
                            best.expiresAt());
        }
        if (m.role() == null) {
            return null; // a guest gets nothing from a default nor from the organization level
        }
        switch (site.defaultLevel().kind()) {
            case ROLE:
                return new SiteAccess(m.userId(), site.defaultLevel().role(), m.disabled(),
                        new Origin.SiteOrigin(site.id(), "default", null));
            case INHERIT:
                return new SiteAccess(m.userId(), m.role(), m.disabled(), new Origin.OrganizationOrigin(site.orgId()));
            default:
                return null;
        }
    }

    /** The highest permission over the published spaces; the first space in site order wins a tie. */
    private static SiteAccess fromSpaces(World w, Site site, Principal p, long now) {
        Member m = p.member;
        Role best = null;
        String bestSpace = null;
        Instant bestUntil = null;
        Resolver.Trace trace = new Resolver.Trace(null);
        for (SiteSpace ss : w.siteSpaces(site.id())) {
            Node s = w.node(ResourceType.SPACE, ss.spaceId());
            if (s == null || !s.exists) {
                continue;
            }
            Role role = Resolver.space(w, p, s, now, trace.reset());
            if (role != null && (best == null || role.ordinal() > best.ordinal())) {
                best = role;
                bestSpace = s.id();
                bestUntil = trace.until;
                if (best == Role.ADMIN) {
                    break; // nothing later can beat it, and the first one wins a tie
                }
            }
        }
        return best == null ? null
                : new SiteAccess(m.userId(), best, m.disabled(), new Origin.SpaceOrigin(bestSpace), bestUntil);
    }
}
