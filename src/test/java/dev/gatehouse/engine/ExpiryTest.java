package dev.gatehouse.engine;

import dev.gatehouse.model.Explanation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.clock.MovableClock;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Organization;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.model.TeamRole;
import dev.gatehouse.model.User;
import dev.gatehouse.model.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A grant stops counting at its expiry, exactly, by the index's clock and without any write: the walk goes
 * on past it, lists leave it out, and one read answers at one instant even when the clock moves during it.
 * What the index holds (its contents, its revision) stays what the store committed until the sweep's write.
 */
class ExpiryTest {
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    private static final Instant EXPIRY = T0.plus(Duration.ofHours(1));
    private static final Instant JUST_BEFORE = EXPIRY.minusNanos(1000);
    private static final ResourceRef SPACE = ResourceRef.space("s");

    private final MovableClock clock = new MovableClock(T0);
    private final Index index = new Index(clock);

    /** Org o: ann read, bob read; team t = {bob}; space s inheriting from the organization. */
    ExpiryTest() {
        List<Change> c = new ArrayList<>();
        for (String u : List.of("ann", "bob")) {
            c.add(new Change.UserPut(new User(u, u, null, null, false, T0)));
        }
        c.add(new Change.OrganizationPut(new Organization("o", "O", Role.READ, T0)));
        c.add(new Change.MemberPut(new Member("o", "ann", Role.READ, false, T0)));
        c.add(new Change.MemberPut(new Member("o", "bob", Role.READ, false, T0)));
        c.add(new Change.TeamPut(new Team("t", "o", "T", T0)));
        c.add(new Change.TeamMemberPut(new TeamMembership("t", "bob", TeamRole.MEMBER)));
        c.add(new Change.SpacePut(new Space("s", "o", null, "S", null, Visibility.PRIVATE, DefaultLevel.INHERIT, T0, T0,
                null)));
        index.apply(1, c);
    }

    private void put(Grant g) {
        index.apply(index.revision() + 1, List.of(new Change.GrantPut(g)));
    }

    private Role effective(String user) {
        return index.read(w -> Permissions.effective(w, user, SPACE));
    }

    @Test
    void aUserGrantCountsUntilItsInstantAndThenTheWalkGoesOnAsIfItWereNotThere() {
        put(new Grant(SPACE, SubjectRef.user("ann"), Role.ADMIN, EXPIRY));
        clock.set(JUST_BEFORE);
        assertThat(effective("ann")).isEqualTo(Role.ADMIN);
        clock.set(EXPIRY);
        assertThat(effective("ann")).as("the organization role again, at the instant exactly").isEqualTo(Role.READ);
        assertThat(index.revision()).as("no write made it so").isEqualTo(2);
    }

    @Test
    void anExpiredUserGrantHandsTheLevelToTheTeamGrants() {
        put(new Grant(SPACE, SubjectRef.user("bob"), Role.COMMENT, EXPIRY));
        put(new Grant(SPACE, SubjectRef.team("t"), Role.EDIT));
        assertThat(effective("bob")).as("a user grant beats team grants, even lower").isEqualTo(Role.COMMENT);
        clock.set(EXPIRY);
        assertThat(effective("bob")).isEqualTo(Role.EDIT);
    }

    @Test
    void anExpiredNoAccessGrantStopsBlockingInheritance() {
        put(new Grant(SPACE, SubjectRef.team("t"), null, EXPIRY));
        assertThat(effective("bob")).isNull();
        clock.set(EXPIRY);
        assertThat(effective("bob")).isEqualTo(Role.READ);
    }

    @Test
    void explainAndTheAggregateNameTheExpiryOfTheGrantThatDecides() {
        put(new Grant(SPACE, SubjectRef.team("t"), Role.EDIT, EXPIRY));
        Explanation e = index.read(w -> Permissions.explain(w, "bob", SPACE));
        assertThat(e.steps().get(0)).isEqualTo(new Explanation.Step("space", "s", "team-grant", Role.EDIT, true, "t",
                EXPIRY));
        assertThat(index.read(w -> Permissions.aggregate(w, SPACE, null, null, 10)).items()).containsExactly(
                new Permissions.MemberAccess("ann", Role.READ, null), new Permissions.MemberAccess("bob", Role.EDIT, EXPIRY));

        clock.set(EXPIRY);
        e = index.read(w -> Permissions.explain(w, "bob", SPACE));
        assertThat(e.steps()).extracting(Explanation.Step::rule).containsExactly("inherit", "organization-role");
        assertThat(index.read(w -> Permissions.aggregate(w, SPACE, null, null, 10)).items()).containsExactly(
                new Permissions.MemberAccess("ann", Role.READ, null), new Permissions.MemberAccess("bob", Role.READ, null));
    }

    @Test
    void listsLeaveAnExpiredGrantOutWhileTheIndexStillHoldsWhatTheStoreCommitted() {
        Grant expiring = new Grant(SPACE, SubjectRef.user("ann"), Role.EDIT, EXPIRY);
        put(expiring);
        put(new Grant(SPACE, SubjectRef.user("bob"), Role.COMMENT));
        clock.set(EXPIRY);
        index.read(w -> {
            assertThat(w.grants(SPACE).users()).containsOnlyKeys("bob");
            assertThat(w.grantsHeldBy(SubjectRef.user("ann"))).isEmpty();
            assertThat(w.contents()).contains(new Change.GrantPut(expiring));
            assertThat(w.expiredGrants(10)).containsExactly(expiring);
            assertThat(w.nextExpiry()).isEqualTo(EXPIRY);
            return null;
        });
    }

    @Test
    void oneReadAnswersAtOneInstantEvenWhenTheClockPassesAnExpiryDuringIt() {
        put(new Grant(SPACE, SubjectRef.user("ann"), Role.ADMIN, EXPIRY));
        clock.set(JUST_BEFORE);
        List<Role> seen = index.read(w -> {
            Role first = Permissions.effective(w, "ann", SPACE);
            clock.set(EXPIRY);
            return List.of(first, Permissions.effective(w, "ann", SPACE));
        });
        assertThat(seen).containsExactly(Role.ADMIN, Role.ADMIN);
        assertThat(effective("ann")).as("the next read is at the new instant").isEqualTo(Role.READ);
    }

    @Test
    void theSweepRemovesOnlyTheGrantThatStillExpiresThenAndChangesNoAnswer() {
        put(new Grant(SPACE, SubjectRef.user("ann"), Role.ADMIN, EXPIRY));
        clock.set(EXPIRY);
        Role before = effective("ann");
        index.apply(3, List.of(new Change.GrantExpired(SPACE, SubjectRef.user("ann"), EXPIRY)));
        assertThat(effective("ann")).isEqualTo(before);
        Instant next = index.read(World::nextExpiry);
        assertThat(next).isNull();

        Grant again = new Grant(SPACE, SubjectRef.user("ann"), Role.EDIT, EXPIRY.plusSeconds(60));
        put(again);
        index.apply(5, List.of(new Change.GrantExpired(SPACE, SubjectRef.user("ann"), EXPIRY)));
        Grant stored = index.read(w -> w.grants(SPACE).users().get("ann"));
        assertThat(stored).isEqualTo(again);
        assertThat(effective("ann")).isEqualTo(Role.EDIT);
    }

    @Test
    void aWriteIsPlannedAtTheInstantOfItsTrialSoAnExpiredGrantIsNotThereForIt() {
        put(new Grant(SPACE, SubjectRef.user("ann"), Role.ADMIN, EXPIRY));
        clock.set(EXPIRY);
        Grant seen = index.tryOut(trial -> trial.world().grants(SPACE).users().get("ann"));
        assertThat(seen).isNull();
        List<Grant> due = index.tryOut(trial -> trial.world().expiredGrants(10));
        assertThat(due).hasSize(1);
    }
}
