package dev.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.Permissions;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.model.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Casbin translation gives Gatehouse's answers where it can express them, so the peer benchmark compares
 * equal answers: on a sliver of {@code large} without {@code null} grants (which Casbin cannot say), "can
 * read" agrees on every (member, resource) pair, and Casbin never refuses a role Gatehouse gives (it may
 * allow more, since it cannot say that the nearest level wins).
 */
class CasbinWorldTest {
    /** 50 members, 4 teams, 4 collections, 25 spaces, 50 pages, 250 grants. */
    static final double SCALE = 0.0005;
    /** Random pairs checked (of the benchmark's pairs): enough to meet every rule, few enough to be quick. */
    static final int CHECKED = 400;

    static boolean notNullGrant(Change c) {
        return !(c instanceof Change.GrantPut g && g.grant().role() == null);
    }

    @Test
    void agreesWithTheEngineOnWhatCasbinCanSay() {
        PeerData data = PeerData.load(SCALE, CasbinWorldTest::notNullGrant);
        CasbinWorld casbin = new CasbinWorld(data.world, PeerData.ORG);
        int reads = 0;
        for (int k = 0; k < CHECKED; k++) {
            String user = data.users[k];
            ResourceRef r = data.resources[k];
            Role gatehouse = Permissions.effective(data.world, user, r);
            assertThat(casbin.can(user, r, Role.READ)).as("%s reads %s", user, r)
                    .isEqualTo(Role.covers(gatehouse, Role.READ));
            if (gatehouse != null) {
                reads++;
                assertThat(casbin.can(user, r, gatehouse)).as("%s %s %s", user, gatehouse, r).isTrue();
            }
        }
        // Both answers occur, so agreement is not vacuous.
        assertThat(reads).isBetween(1, CHECKED - 1);

        List<String> readers = new ArrayList<>();
        for (String user : data.members) {
            if (Role.covers(Permissions.effective(data.world, user, data.everyone), Role.READ)) {
                readers.add(user);
            }
        }
        assertThat(casbin.readers(data.everyone, data.members)).isEqualTo(readers);
        assertThat(readers).hasSize(data.aggregate(data.everyone));
        List<ResourceRef> spaces = data.all.stream().filter(r -> r.type() == ResourceType.SPACE).toList();
        assertThat(casbin.readable(data.member, spaces)).hasSize(data.memberSpaces(data.member));
    }
}
