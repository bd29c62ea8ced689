package dev.gatehouse.engine;

import dev.gatehouse.engine.Permissions.MemberAccess;
import dev.gatehouse.engine.Permissions.AggregatePage;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Who can access a resource: every enabled member whose effective permission is not none, by user id.
 *
 * <p>A page walks its candidates from the cursor and stops after {@code limit + 1} matches (the extra
 * one only says whether there is more), so it costs the members skipped on the way, not all of them.
 * {@link Candidates} keeps that walk to the users that grants name when the resource's levels end at a
 * {@code null} default; otherwise it goes through the members, most of whom then have access.
 */
final class Aggregates {
    private Aggregates() {
    }

    static AggregatePage aggregate(World w, ResourceRef r, Role exactly, String afterUserId, int limit) {
        Pages.checkLimit(limit);
        String orgId = w.organizationOf(r);
        if (orgId == null) {
            return new AggregatePage(List.of(), false);
        }
        List<MemberAccess> items = new ArrayList<>(Math.min(limit + 1, 1024));
        Node n = w.node(r);
        TreeSet<String> candidates = Candidates.find(w, r, orgId);
        Iterable<String> ids;
        if (candidates == null) {
            ids = afterUserId == null
                    ? w.members(orgId).keySet()
                    : w.members(orgId).tailMap(afterUserId, false).keySet();
        } else {
            ids = afterUserId == null ? candidates : candidates.tailSet(afterUserId, false);
        }
        long now = w.now();
        Resolver.Trace trace = new Resolver.Trace(null);
        for (String userId : ids) {
            Principal p = w.principal(orgId, userId);
            if (p != null && offer(w, p, n, exactly, now, trace.reset(), items) && items.size() > limit) {
                break;
            }
        }
        boolean hasMore = items.size() > limit;
        return new AggregatePage(hasMore ? items.subList(0, limit) : items, hasMore);
    }

    /** Adds the member when they have access (and exactly {@code exactly}, if given); true when added. */
    private static boolean offer(World w, Principal p, Node n, Role exactly, long now, Resolver.Trace trace,
                                 List<MemberAccess> items) {
        Member m = p.member;
        if (m.disabled()) {
            return false;
        }
        Role role = Resolver.asIfEnabled(w, p, n, now, trace);
        if (role == null || (exactly != null && role != exactly)) {
            return false;
        }
        items.add(new MemberAccess(m.userId(), role, trace.until));
        return true;
    }
}
