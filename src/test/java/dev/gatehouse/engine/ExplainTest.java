package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.model.Change;
import dev.gatehouse.model.Explanation.Step;
import dev.gatehouse.model.Explanation;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** What explain shows a person asking "why does u have this permission": the levels walked, in order. */
class ExplainTest {

    private static World world(String scenario) {
        World w = new World();
        for (Change c : Scenario.named(scenario).changes()) {
            w.apply(c);
        }
        return w;
    }

    private static Step walked(String level, String id) {
        return new Step(level, id, "inherit", null, false, null);
    }

    private static Step decided(String level, String id, String rule, Role role, String team) {
        return new Step(level, id, rule, role, true, team);
    }

    @Test
    void aTeamGrantOnTheParentCollectionNamesTheTeam() {
        Explanation e = Permissions.explain(world("worked-example"), "bob", ResourceRef.space("S"));
        assertThat(e.permission()).isEqualTo(Role.COMMENT);
        assertThat(e.steps()).containsExactly(
                walked("space", "S"),
                decided("collection", "C", "team-grant", Role.COMMENT, "T"));
    }

    @Test
    void aGuestWalksToTheOrganizationAndGetsNone() {
        Explanation e = Permissions.explain(world("worked-example"), "dave", ResourceRef.space("S"));
        assertThat(e.permission()).isNull();
        assertThat(e.steps()).containsExactly(
                walked("space", "S"),
                walked("collection", "C"),
                decided("organization", "O", "guest", null, null));
    }

    @Test
    void aPrivatePageStopsAtItsNullDefault() {
        Explanation e = Permissions.explain(world("worked-example"), "bob", ResourceRef.page("P"));
        assertThat(e.steps()).containsExactly(decided("page", "P", "default-none", null, null));
    }

    @Test
    void adminsAndOutsidersAreDecidedAtTheOrganization() {
        World w = world("worked-example");
        assertThat(Permissions.explain(w, "alice", ResourceRef.page("P")).steps())
                .containsExactly(decided("organization", "O", "admin", Role.ADMIN, null));
        assertThat(Permissions.explain(w, "nobody", ResourceRef.space("S")).steps())
                .containsExactly(decided("organization", "O", "not-member", null, null));
    }

    @Test
    void anUnknownResourceHasNoSteps() {
        Explanation e = Permissions.explain(world("worked-example"), "alice", ResourceRef.space("nope"));
        assertThat(e.permission()).isNull();
        assertThat(e.steps()).isEmpty();
    }

    @Test
    void theSiteLevelNamesTheSiteWithTheHighestGrant() {
        World w = world("site-level-of-two-sites");
        assertThat(Permissions.explain(w, "ben", ResourceRef.space("S")).steps()).containsExactly(
                walked("space", "S"),
                decided("site-level", "W2", "site-user-grant", Role.EDIT, null));
        assertThat(Permissions.explain(w, "eve", ResourceRef.space("S")).steps()).containsExactly(
                walked("space", "S"),
                decided("site-level", "W1", "site-team-grant", Role.CREATE, "T2"));
    }

    @Test
    void aSiteLevelWithoutGrantsLetsTheWalkGoOn() {
        Explanation e = Permissions.explain(world("site-level-of-two-sites"), "gia", ResourceRef.space("S"));
        assertThat(e.steps()).containsExactly(
                walked("space", "S"),
                new Step("site-level", "S", "site-none", null, false, null),
                decided("collection", "C", "default", Role.COMMENT, null));
    }

    @Test
    void aDisabledMemberAndASoftDeletedSpaceSayWhy() {
        assertThat(Permissions.explain(world("disabled-members"), "dis", ResourceRef.space("S")).steps())
                .containsExactly(decided("organization", "O", "disabled", null, null));
        assertThat(Permissions.explain(world("admins-on-deleted-space"), "ben", ResourceRef.page("PD")).steps())
                .containsExactly(decided("space", "SD", "deleted", null, null));
    }
}
