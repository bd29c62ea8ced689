package dev.gatehouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.Permissions;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.SiteVisibility;
import dev.gatehouse.store.MemoryStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Publishing a space on a site puts the site's grants above the space (its site level), so it changes who
 * can access the space. "To grant, change or remove access on a resource the caller needs admin on it;
 * nobody can grant a role above their own" (permission-model.md), and moving a space under another
 * parent already needs admin on it. A site admin who can only read a space must not be able to publish it.
 */
class PublishingASpaceTest {

    @Test
    void aSiteAdminWhoOnlyReadsASpaceCannotPublishItAndSoBecomeItsAdmin() {
        Services svc = Services.open(new MemoryStore(), Services.Options.defaults("system-token-0123456789"));
        Caller system = Caller.SYSTEM;
        svc.users().create(system, new UserService.NewUser("alice", "Alice", "alice@example.com", null));
        svc.users().create(system, new UserService.NewUser("bob", "Bob", "bob@example.com", null));
        String org = svc.organizations().create(system, "Acme", Role.READ, "alice").value().id();
        svc.organizations().invite(system, org, List.of(new OrganizationService.Invite("bob@example.com", Role.READ, true)),
                null, false);
        // A space bob reads through his member role, and a site bob administers.
        String space = svc.content().createSpace(system, org, "Handbook", null, null, null, null).value().value().id();
        String site = svc.sites().create(system, org, "Docs", SiteVisibility.PUBLIC, List.of()).value().site().id();
        svc.permissions().setUser(system, PermissionService.Target.of(ResourceRef.site(site)), "bob", Role.ADMIN);
        ResourceRef handbook = ResourceRef.space(space);
        assertThat(bobOn(svc, handbook)).isEqualTo(Role.READ);

        Caller bob = Caller.user("bob");
        ApiException refused = null;
        try {
            svc.sites().addSpace(bob, org, site, space);
        } catch (ApiException e) {
            refused = e;
        }
        assertThat(bobOn(svc, handbook))
                .as("bob's permission on the space he could only read, after publishing it on the site he administers")
                .isEqualTo(Role.READ);
        assertThat(refused).as("publishing a space one cannot administer").isNotNull();
        assertThat(refused.status()).isEqualTo(403);
    }

    private static Role bobOn(Services svc, ResourceRef r) {
        return svc.reads().read(w -> Permissions.effective(w, "bob", r));
    }
}
