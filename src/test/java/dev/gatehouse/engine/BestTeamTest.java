package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.model.Grant;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.SubjectRef;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Which team decides a team rule: the highest role, the lowest team id on a tie, whichever side of the
 * intersection is walked (the user's teams or the resource's team grants, whichever is smaller). The team
 * shows in explain output and in a site aggregate's origin.
 */
class BestTeamTest {
    private static final ResourceRef SPACE = ResourceRef.space("S");

    private static TreeSet<String> mine(String... teams) {
        return new TreeSet<>(Arrays.asList(teams));
    }

    private static TreeMap<String, Grant> granted(Object... teamAndRole) {
        TreeMap<String, Grant> m = new TreeMap<>();
        for (int i = 0; i < teamAndRole.length; i += 2) {
            String team = (String) teamAndRole[i];
            m.put(team, new Grant(SPACE, SubjectRef.team(team), (Role) teamAndRole[i + 1]));
        }
        return m;
    }

    @Test
    void theHighestRoleWinsOverALowerTeamId() {
        assertThat(Resolver.bestTeam(mine("a", "b"), granted("a", Role.READ, "b", Role.EDIT))).isEqualTo("b");
        assertThat(Resolver.bestTeam(mine("a", "b"), granted("a", Role.READ, "b", Role.EDIT, "c", Role.ADMIN)))
                .isEqualTo("b");
    }

    @Test
    void aTieGoesToTheLowestTeamIdWhenWalkingTheGrants() {
        // two grants, three teams of the user: the grants are the smaller side
        assertThat(Resolver.bestTeam(mine("a", "b", "c"), granted("b", Role.EDIT, "c", Role.EDIT))).isEqualTo("b");
    }

    @Test
    void aTieGoesToTheLowestTeamIdWhenWalkingTheUsersTeams() {
        // two teams of the user, three grants: the user's teams are the smaller side
        assertThat(Resolver.bestTeam(mine("b", "c"), granted("a", Role.ADMIN, "b", Role.EDIT, "c", Role.EDIT)))
                .isEqualTo("b");
    }

    @Test
    void aNullGrantLosesToAnyRole() {
        assertThat(Resolver.bestTeam(mine("a", "b"), granted("a", null, "b", Role.READ))).isEqualTo("b");
        assertThat(Resolver.bestTeam(mine("a", "b"), granted("a", null, "b", Role.READ, "c", null))).isEqualTo("b");
    }

    @Test
    void whenEveryGrantIsNullTheLowestTeamIsNamedAndItsRoleIsNone() {
        assertThat(Resolver.bestTeam(mine("a", "b"), granted("a", null, "b", null))).isEqualTo("a");
    }

    @Test
    void noTeamOfTheUserHasAGrant() {
        assertThat(Resolver.bestTeam(mine("a"), granted("b", Role.ADMIN))).isNull();
        assertThat(Resolver.bestTeam(mine(), granted("b", Role.ADMIN))).isNull();
        assertThat(Resolver.bestTeam(mine("a"), granted())).isNull();
    }
}
