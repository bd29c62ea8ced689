package dev.gatehouse.engine;

import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.model.SubjectType;
import java.time.Instant;
import java.util.TreeMap;

/**
 * One collection, space, page or site as a permission walk visits it: its default level, its direct
 * grants, and the next levels up as references.
 *
 * <p>Why references rather than ids: a walk climbs from a page through its parents, its space and its
 * collections, and looking each parent up by id in a map costs hashing and comparing strings, and cache
 * misses, at every level. {@link World} keeps one node per resource that exists or has grants (a grant
 * may outlive its resource, and counts again when the resource comes back), and keeps the references
 * pointing at the node of the parent's id whenever such a node is there; the walk reads {@link #exists}
 * to tell whether that parent exists. Nodes change only under the index's write lock.
 */
final class Node extends RoleTable {
    final ResourceRef ref;
    /** {@code ref.type()}, copied here because a walk switches on it and the ref is another object to read. */
    final ResourceType type;
    /**
     * Ordered views for lists, which the {@link RoleTable} this node is mirrors for point lookups. Made on
     * the first grant and dropped with the last: most pages have none, and two empty trees each would
     * weigh on the heap.
     */
    private World.Grants grants;
    /**
     * {@link Grantee#teamBit} of every team with a grant here; 0 when there is none. A walk probes the
     * table for the user's teams only when their bits meet these: a collection may hold grants for dozens
     * of teams, each probe of its table is a cache line of its own, and most users are in none of them.
     */
    private long teamBits;
    /**
     * The earliest expiry (microseconds) of the grants here, {@link Expiry#NEVER} when none expires. A walk
     * compares it with its instant and looks a grant's expiry up only at a level where one may have passed,
     * which happens only between an expiry and the sweep that removes it: the hot path pays one comparison.
     */
    long soonest = Expiry.NEVER;
    /** How many grants here expire at each instant (microseconds); null while none does. */
    private TreeMap<Long, Integer> expiring;

    boolean exists;
    DefaultLevel defaultLevel;
    /** The organization of a collection, space or site; a page's is its space's. */
    String orgId;
    /** A space in the trash. */
    boolean deleted;
    /** A space that some site publishes: only then does a walk look at the site level. */
    boolean published;
    /** A page's parent page, a collection's parent collection, a space's collection; null for none. */
    Node parent;
    /** A page's space. */
    Node space;

    Node(ResourceRef ref) {
        this.ref = ref;
        this.type = ref.type();
    }

    World.Grants grants() {
        return grants == null ? World.NO_GRANTS : grants;
    }

    String id() {
        return ref.id();
    }

    /** The parent when it exists, else null: a walk treats a missing parent as no parent. */
    Node existingParent() {
        Node p = parent;
        return p != null && p.exists ? p : null;
    }

    /** The organization of an existing resource (a page's through its space), or null. */
    String organization() {
        if (!exists) {
            return null;
        }
        if (type != ResourceType.PAGE) {
            return orgId;
        }
        Node s = space;
        return s != null && s.exists ? s.orgId : null;
    }

    /**
     * The role code of the user's own grant here at {@code now}: {@link RoleTable#ABSENT}, {@link RoleTable#NONE}
     * or an ordinal. An expired grant is absent.
     */
    int userGrant(Principal p, long now) {
        int code = get(p.key);
        if (code != RoleTable.ABSENT && Expiry.passed(soonest, now) && expired(grants.users().get(p.member.userId()), now)) {
            return RoleTable.ABSENT;
        }
        return code;
    }

    /** When the user's grant here expires, or null; for explanations, never on the hot path. */
    Instant userExpiry(Principal p) {
        return soonest == Expiry.NEVER ? null : expiryOf(grants.users().get(p.member.userId()));
    }

    /** When the team's grant here expires, or null. */
    Instant teamExpiry(String teamId) {
        return soonest == Expiry.NEVER ? null : expiryOf(grants.teams().get(teamId));
    }

    private static Instant expiryOf(Grant grant) {
        return grant == null ? null : grant.expiresAt();
    }

    private static boolean expired(Grant grant, long now) {
        return grant != null && Expiry.passed(Expiry.ceiling(grant.expiresAt()), now);
    }

    /**
     * The index, in the grantee's team arrays, of the team whose grant here is highest at {@code now} (a
     * {@code null} grant lowest, the lowest team id on a tie), or -1 when none of their teams has a grant here
     * that has not expired.
     */
    int bestTeam(Grantee grantee, long now) {
        // The first test spares reading the grantee at a level without team grants.
        if (teamBits == 0 || (teamBits & grantee.teamBits()) == 0) {
            return -1;
        }
        int[] keys = grantee.teamKeys();
        boolean mayHaveExpired = Expiry.passed(soonest, now);
        int best = -1;
        int bestCode = RoleTable.ABSENT;
        // Ascending team ids, replaced only by a strictly higher role: the lowest id wins a tie.
        for (int i = 0; i < keys.length; i++) {
            int code = get(keys[i]);
            if (code != RoleTable.ABSENT && mayHaveExpired && expired(grants.teams().get(grantee.teamIds()[i]), now)) {
                continue;
            }
            if (code != RoleTable.ABSENT && (best < 0 || code > bestCode)) {
                best = i;
                bestCode = code;
            }
        }
        return best;
    }

    /** Records a grant; {@code subjectKey} is the user's or the team's key. Returns the grant it replaced, or null. */
    Grant putGrant(Grant grant, int subjectKey) {
        boolean team = grant.subject().type() == SubjectType.TEAM;
        if (grants == null) {
            grants = World.Grants.create();
        }
        Grant old = (team ? grants.teams() : grants.users()).put(grant.subject().id(), grant);
        if (team) {
            teamBits |= Grantee.teamBit(subjectKey);
        }
        put(subjectKey, grant.role());
        untrack(old);
        track(grant);
        return old;
    }

    /** Removes a grant; returns it, or null when there was none. */
    Grant removeGrant(SubjectType type, String subjectId, int subjectKey) {
        boolean team = type == SubjectType.TEAM;
        Grant old = grants == null ? null : (team ? grants.teams() : grants.users()).remove(subjectId);
        if (old != null) {
            remove(subjectKey);
            if (team) {
                teamBits = teamBits();
            }
            if (grants.isEmpty()) {
                grants = null;
            }
            untrack(old);
        }
        return old;
    }

    /** The grant stored for a subject, expired or not, or null. */
    Grant stored(SubjectType type, String subjectId) {
        return grants == null ? null : (type == SubjectType.TEAM ? grants.teams() : grants.users()).get(subjectId);
    }

    private void track(Grant grant) {
        if (grant.expiresAt() == null) {
            return;
        }
        if (expiring == null) {
            expiring = new TreeMap<>();
        }
        expiring.merge(Expiry.ceiling(grant.expiresAt()), 1, Integer::sum);
        soonest = expiring.firstKey();
    }

    private void untrack(Grant grant) {
        if (grant == null || grant.expiresAt() == null) {
            return;
        }
        long at = Expiry.ceiling(grant.expiresAt());
        if (expiring.merge(at, -1, Integer::sum) == 0) {
            expiring.remove(at);
        }
        if (expiring.isEmpty()) {
            expiring = null;
            soonest = Expiry.NEVER;
        } else {
            soonest = expiring.firstKey();
        }
    }

    /** Neither the resource nor any grant on it is left: the node can go. */
    boolean unused() {
        return !exists && grants == null;
    }
}
