package dev.gatehouse.engine;

import dev.gatehouse.engine.Permissions.MemberSpacesPage;
import dev.gatehouse.engine.Permissions.SpaceAccess;
import dev.gatehouse.engine.Permissions.SpaceKey;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The spaces of an organization a member can access, in {@link World#SPACE_ORDER} or its reverse.
 *
 * <p>Keyset paging: the page starts right after the cursor in the organization's ordered spaces and
 * stops after {@code limit + 1} accessible ones. Soft-deleted spaces are walked like any other: the
 * resolution gives admins admin on them and everyone else none.
 */
final class MemberSpaces {
    private MemberSpaces() {
    }

    static MemberSpacesPage memberSpaces(World w, String orgId, String userId, boolean descending, SpaceKey after,
                                         int limit, long now) {
        Pages.checkLimit(limit);
        Principal p = w.principal(orgId, userId);
        if (p == null || p.disabled) {
            return new MemberSpacesPage(List.of(), false);
        }
        List<SpaceAccess> items = new ArrayList<>(Math.min(limit + 1, 1024));
        Resolver.Climbs climbs = new Resolver.Climbs();
        for (Map.Entry<Space, Node> e : from(w.spaceNodes(orgId), descending, after).entrySet()) {
            Space s = e.getKey();
            Role role = Resolver.space(w, p, s, e.getValue(), now, climbs);
            if (role != null) {
                items.add(new SpaceAccess(s, role));
                if (items.size() > limit) {
                    break;
                }
            }
        }
        boolean hasMore = items.size() > limit;
        return new MemberSpacesPage(hasMore ? items.subList(0, limit) : items, hasMore);
    }

    private static NavigableMap<Space, Node> from(NavigableMap<Space, Node> all, boolean descending, SpaceKey after) {
        if (after == null) {
            return descending ? all.descendingMap() : all;
        }
        Space probe = probe(after);
        return descending ? all.headMap(probe, false).descendingMap() : all.tailMap(probe, false);
    }

    /**
     * A stand-in space at the cursor's position. The set is ordered by {@link World#SPACE_ORDER}, which reads
     * only the creation time and id, so the other fields are placeholders that nothing looks at.
     */
    private static Space probe(SpaceKey key) {
        return new Space(key.id(), "", null, "", null, Visibility.PRIVATE, DefaultLevel.NONE, key.createdAt(),
                key.createdAt(), null);
    }
}
