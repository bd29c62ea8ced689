package dev.gatehouse.bench;

import dev.gatehouse.engine.Permissions;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Space;

/**
 * Gatehouse's whole answer to the two list questions, walked page by page (1000 at a time, each page
 * resuming after the last item of the one before) as the HTTP endpoints serve them.
 */
final class EngineWalks {
    private EngineWalks() {
    }

    /** Every member who reaches {@code r}; returns how many. */
    static int aggregate(World w, ResourceRef r) {
        int n = 0;
        String after = null;
        Permissions.AggregatePage page;
        do {
            page = Permissions.aggregate(w, r, null, after, 1000);
            n += page.items().size();
            after = page.items().isEmpty() ? null : page.items().get(page.items().size() - 1).userId();
        } while (page.hasMore());
        return n;
    }

    /** Every space of {@code orgId} that {@code userId} reaches, newest first; returns how many. */
    static int memberSpaces(World w, String orgId, String userId) {
        int n = 0;
        Permissions.SpaceKey after = null;
        Permissions.MemberSpacesPage page;
        do {
            page = Permissions.memberSpaces(w, orgId, userId, true, after, 1000);
            n += page.items().size();
            Space last = page.items().isEmpty() ? null : page.items().get(page.items().size() - 1).space();
            after = last == null ? null : new Permissions.SpaceKey(last.createdAt(), last.id());
        } while (page.hasMore());
        return n;
    }
}
