package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.model.Change;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.SubjectRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Grants that expire: the expiry is kept exactly, replaced with the grant, and read back by a restarted
 * node; the sweep's removal takes only the grant that still expires at the instant it names, so a sweep
 * planned before the grant was given again (by another node, say) cannot take the new one. Every store runs
 * it through {@link StoreConformanceTest}.
 */
public interface GrantExpiryContract extends StoreFixture {
    Instant SOON = Instant.parse("2026-12-01T08:00:00.123456Z");
    Instant LATER = Instant.parse("2027-01-15T17:30:00Z");
    ResourceRef SPACE = ResourceRef.space("s1");
    SubjectRef ANN = SubjectRef.user("ann");

    @Test
    default void anExpiryIsStoredAndReadBackExactlyAfterAReopen() throws Exception {
        Grant g = new Grant(SPACE, ANN, Role.EDIT, SOON);
        Grant team = new Grant(ResourceRef.page("p1"), SubjectRef.team("t1"), null, LATER);
        store().commit("system", List.of(new Change.GrantPut(g), new Change.GrantPut(team)));
        reopenStore();
        assertThat(store().load().grants()).containsExactlyInAnyOrder(g, team);
        assertThat(store().changesAfter(0, 10).get(0).changes())
                .containsExactly(new Change.GrantPut(g), new Change.GrantPut(team));
    }

    @Test
    default void givingAGrantAgainReplacesItsExpiryWithTheNewOneOrNone() {
        store().commit("system", List.of(new Change.GrantPut(new Grant(SPACE, ANN, Role.EDIT, SOON))));
        store().commit("system", List.of(new Change.GrantPut(new Grant(SPACE, ANN, Role.EDIT, LATER))));
        assertThat(store().load().grants()).containsExactly(new Grant(SPACE, ANN, Role.EDIT, LATER));
        store().commit("system", List.of(new Change.GrantPut(new Grant(SPACE, ANN, Role.READ))));
        assertThat(store().load().grants()).containsExactly(new Grant(SPACE, ANN, Role.READ));
    }

    @Test
    default void theSweepRemovesOnlyTheGrantThatStillExpiresAtTheInstantItNames() {
        store().commit("system", List.of(new Change.GrantPut(new Grant(SPACE, ANN, Role.EDIT, SOON)),
                new Change.GrantPut(new Grant(SPACE, SubjectRef.team("t1"), Role.READ, SOON))));
        // Given again meanwhile with a later expiry: the sweep of the old one leaves it.
        store().commit("ann", List.of(new Change.GrantPut(new Grant(SPACE, ANN, Role.EDIT, LATER))));
        store().commit("system", List.of(new Change.GrantExpired(SPACE, ANN, SOON),
                new Change.GrantExpired(SPACE, SubjectRef.team("t1"), SOON)));
        assertThat(store().load().grants()).containsExactly(new Grant(SPACE, ANN, Role.EDIT, LATER));

        store().commit("system", List.of(new Change.GrantExpired(SPACE, ANN, LATER)));
        assertThat(store().load().grants()).isEmpty();
        assertThat(store().changesAfter(2, 10).get(0).changes()).containsExactly(
                new Change.GrantExpired(SPACE, ANN, SOON), new Change.GrantExpired(SPACE, SubjectRef.team("t1"), SOON));
    }

    @Test
    default void sweepingAGrantThatIsGoneOrNeverExpiredIsHarmless() {
        store().commit("system", List.of(new Change.GrantPut(new Grant(SPACE, ANN, Role.EDIT))));
        long r = store().commit("system", List.of(new Change.GrantExpired(SPACE, ANN, SOON),
                new Change.GrantExpired(ResourceRef.site("w9"), SubjectRef.user("nobody"), SOON)));
        assertThat(r).isEqualTo(2);
        assertThat(store().load().grants()).containsExactly(new Grant(SPACE, ANN, Role.EDIT));
    }
}
