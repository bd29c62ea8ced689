package dev.gatehouse.engine;

import java.util.Collection;

/**
 * A user as grants name them: a number for {@link RoleTable} lookups, and the teams they are in, as
 * ids and numbers, ascending by id. One per user id, shared by their memberships of every organization.
 *
 * <p>Why the teams are copied here from {@link World#teamsOf}: every level with team grants asks for
 * them, and walking two small arrays beats a hash lookup and a tree iteration each time. The arrays are
 * replaced, never changed in place, and only under the index's write lock.
 */
final class Grantee {
    private static final String[] NO_IDS = {};
    private static final int[] NO_NUMBERS = {};

    final int number;
    private String[] teamIds = NO_IDS;
    private int[] teamNumbers = NO_NUMBERS;

    Grantee(int number) {
        this.number = number;
    }

    /** The user's team ids, ascending; index i goes with {@link #teamNumbers()}[i]. */
    String[] teamIds() {
        return teamIds;
    }

    int[] teamNumbers() {
        return teamNumbers;
    }

    /** Replaces the teams; {@code ascendingIds} in ascending order, {@code numbers} in the same order. */
    void setTeams(Collection<String> ascendingIds, int[] numbers) {
        teamIds = ascendingIds.isEmpty() ? NO_IDS : ascendingIds.toArray(NO_IDS);
        teamNumbers = numbers.length == 0 ? NO_NUMBERS : numbers;
    }
}
