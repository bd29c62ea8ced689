package dev.gatehouse.engine;

import dev.gatehouse.model.Collection;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.Space;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who could possibly access a resource, found without looking at every member.
 *
 * <p>The levels a walk can visit on a resource are the same for every user, except that each user stops
 * at the first level that decides for them. Walk them once: a level's {@code defaultLevel} of
 * {@code "inherit"} sends every user who was not decided on to the parent; a role default decides for
 * every non-guest member, and so does the organization level (the member role); a {@code null} default
 * decides none for everyone left. The site level of a space only has grants and never stops the walk.
 * So:
 * <ul>
 *   <li>if the walk reaches a role default or the organization level, any member may have access:
 *       {@link #find} answers {@code null} ("everybody"), and the caller goes through the members;</li>
 *   <li>otherwise (it ends at a {@code null} default) only a user with a user grant on one of the levels
 *       walked, or in a team with a team grant on one of them, can have access, plus organization admins,
 *       who have admin on everything (and alone keep access to a soft-deleted space).</li>
 * </ul>
 * The candidates are a superset: each is still resolved by {@link Resolver}, so a null grant or a
 * nearer level that decides none filters them out.
 */
final class Candidates {
    private final World w;
    private final Set<String> users = new HashSet<>();
    private final Set<String> teams = new HashSet<>();

    private Candidates(World w) {
        this.w = w;
    }

    /**
     * The ids of the users who might access {@code r} (ascending, admins of {@code orgId} included), or
     * {@code null} when every member might.
     */
    static TreeSet<String> find(World w, ResourceRef r, String orgId) {
        Candidates c = new Candidates(w);
        boolean everybody;
        switch (r.type()) {
            case PAGE:
                everybody = c.fromPage(w.page(r.id()));
                break;
            case SPACE:
                everybody = c.fromSpace(w.space(r.id()));
                break;
            case COLLECTION:
                everybody = c.fromCollection(w.collection(r.id()));
                break;
            case SITE:
                everybody = c.fromSite(w.site(r.id()));
                break;
            default:
                throw new IllegalArgumentException("unknown resource type " + r.type());
        }
        return everybody ? null : c.finish(orgId);
    }

    private boolean fromPage(Page page) {
        Space s = w.space(page.spaceId());
        if (s.deleted()) {
            return false;
        }
        for (Page p = page; p != null; p = p.parentId() == null ? null : w.page(p.parentId())) {
            Boolean stop = level(ResourceRef.page(p.id()), p.defaultLevel());
            if (stop != null) {
                return stop;
            }
        }
        return walkSpace(s);
    }

    private boolean fromSpace(Space s) {
        return !s.deleted() && walkSpace(s);
    }

    private boolean walkSpace(Space s) {
        Boolean stop = level(ResourceRef.space(s.id()), s.defaultLevel());
        if (stop != null) {
            return stop;
        }
        for (String siteId : w.sitesPublishing(s.id())) {
            collect(ResourceRef.site(siteId));
        }
        Collection c = s.parentId() == null ? null : w.collection(s.parentId());
        return c == null || fromCollection(c);
    }

    private boolean fromCollection(Collection start) {
        for (Collection c = start; c != null; c = c.parentId() == null ? null : w.collection(c.parentId())) {
            Boolean stop = level(ResourceRef.collection(c.id()), c.defaultLevel());
            if (stop != null) {
                return stop;
            }
        }
        return true; // the organization level: every non-guest member has their member role
    }

    private boolean fromSite(Site site) {
        Boolean stop = level(ResourceRef.site(site.id()), site.defaultLevel());
        return stop == null || stop;
    }

    /** Collects the level's grantees; then true (everybody), false (nobody else) or null (go on). */
    private Boolean level(ResourceRef ref, DefaultLevel dl) {
        collect(ref);
        switch (dl.kind()) {
            case ROLE:
                return Boolean.TRUE;
            case NONE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private void collect(ResourceRef ref) {
        World.Grants direct = w.grants(ref);
        users.addAll(direct.users().keySet());
        teams.addAll(direct.teams().keySet());
    }

    private TreeSet<String> finish(String orgId) {
        TreeSet<String> ids = new TreeSet<>(users);
        for (String team : teams) {
            ids.addAll(w.teamMembers(team).keySet());
        }
        ids.addAll(w.admins(orgId));
        return ids;
    }
}
