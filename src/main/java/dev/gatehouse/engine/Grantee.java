package dev.gatehouse.engine;

import java.util.Collection;

/**
 * A user as grants name them: a key for {@link RoleTable} lookups, and the teams they are in, as ids and
 * keys, ascending by id. One per user id, shared by their memberships of every organization.
 *
 * <p>Users and teams are numbered apart, each from 0, never reusing a number (a grant's key must always
 * mean the subject it was made for); a user's key is twice their number and a team's is twice its number
 * plus one, so both kinds of grant share one table per resource.
 *
 * <p>Why the teams are copied here from {@link World#teamsOf}: every level with team grants asks for
 * them, and walking two small arrays beats a hash lookup and a tree iteration each time. The arrays are
 * replaced, never changed in place, and only under the index's write lock.
 */
final class Grantee {
    private static final String[] NO_IDS = {};
    private static final int[] NO_KEYS = {};

    final int key;
    private String[] teamIds = NO_IDS;
    private int[] teamKeys = NO_KEYS;
    /** The {@link #teamBit}s of the teams. */
    private long teamBits;
    /**
     * The resources the user holds a direct grant on, in the order granted, or null for none: kept here rather
     * than in a map of its own, so that putting a grant looks the user up once.
     */
    java.util.Set<dev.gatehouse.model.ResourceRef> held;

    Grantee(int userNumber) {
        this.key = userKey(userNumber);
    }

    static int userKey(int userNumber) {
        return userNumber * 2;
    }

    static int teamKey(int teamNumber) {
        return teamNumber * 2 + 1;
    }

    /**
     * One of 64 bits for a team key, scrambled so that teams numbered close together spread out. A
     * resource whose teams' bits miss all of a user's has no grant for any of the user's teams; a hit
     * may be a coincidence, which the table lookup then settles.
     */
    static long teamBit(int teamKey) {
        return 1L << (teamKey * 0x9E3779B9 >>> 26);
    }

    long teamBits() {
        return teamBits;
    }

    /** The user's team ids, ascending; index i goes with {@link #teamKeys()}[i]. */
    String[] teamIds() {
        return teamIds;
    }

    int[] teamKeys() {
        return teamKeys;
    }

    /** Replaces the teams; {@code ascendingIds} in ascending order, {@code keys} in the same order. */
    void setTeams(Collection<String> ascendingIds, int[] keys) {
        teamIds = ascendingIds.isEmpty() ? NO_IDS : ascendingIds.toArray(NO_IDS);
        teamKeys = keys.length == 0 ? NO_KEYS : keys;
        long bits = 0;
        for (int k : keys) {
            bits |= teamBit(k);
        }
        teamBits = bits;
    }
}
