package dev.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.Permissions;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.SubjectType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Spring ACL translation gives Gatehouse's answers where it can express them, so the peer benchmark
 * compares equal answers: on a sliver of {@code large} without site grants (an ACL has one parent) and
 * without team {@code null} grants (which can hide another team's grant), "can read" agrees on every
 * (member, resource) pair, and so do the two lists.
 */
class SpringAclWorldTest {
    static boolean expressible(Change c) {
        return !(c instanceof Change.GrantPut g && (g.grant().resource().type() == ResourceType.SITE
                || g.grant().role() == null && g.grant().subject().type() == SubjectType.TEAM));
    }

    @Test
    void agreesWithTheEngineOnWhatSpringAclCanSay() {
        PeerData data = PeerData.load(CasbinWorldTest.SCALE, SpringAclWorldTest::expressible);
        try (SpringAclWorld acl = new SpringAclWorld(data.world, PeerData.ORG)) {
            int reads = 0;
            for (int k = 0; k < CasbinWorldTest.CHECKED; k++) {
                String user = data.users[k];
                ResourceRef r = data.resources[k];
                boolean gatehouse = Role.covers(Permissions.effective(data.world, user, r), Role.READ);
                assertThat(acl.can(user, r, Role.READ)).as("%s reads %s", user, r).isEqualTo(gatehouse);
                reads += gatehouse ? 1 : 0;
            }
            // Both answers occur, so agreement is not vacuous.
            assertThat(reads).isBetween(1, CasbinWorldTest.CHECKED - 1);

            List<String> readers = new ArrayList<>();
            for (String user : data.members) {
                if (Role.covers(Permissions.effective(data.world, user, data.everyone), Role.READ)) {
                    readers.add(user);
                }
            }
            assertThat(acl.readers(data.everyone, data.members)).isEqualTo(readers);
            assertThat(readers).hasSize(data.aggregate(data.everyone));
            List<ResourceRef> spaces = data.all.stream().filter(r -> r.type() == ResourceType.SPACE).toList();
            assertThat(acl.readable(data.member, spaces)).hasSize(data.memberSpaces(data.member));
        }
    }
}
