package dev.gatehouse.oracle;

import dev.gatehouse.model.Change;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A random world: the changes that build it, and what to ask about it (every user plus one who does not
 * exist, every resource plus missing ones, every organization and site plus a missing one).
 * {@link #toString} prints one change a line, so a failing property shows the world it failed on.
 */
public record GeneratedWorld(List<Change> changes, List<String> users, List<ResourceRef> resources,
                             List<String> organizations, List<String> sites, Set<String> features) {

    @Override
    public String toString() {
        return changes.stream().map(GeneratedWorld::describe).collect(Collectors.joining("\n  ", "World:\n  ", "\n"));
    }

    static String describe(Change change) {
        if (change instanceof Change.UserPut c) {
            return "user " + c.user().id();
        } else if (change instanceof Change.OrganizationPut c) {
            return "organization " + c.organization().id();
        } else if (change instanceof Change.MemberPut c) {
            Member m = c.member();
            return "member " + m.orgId() + "/" + m.userId() + " " + (m.isGuest() ? "guest" : m.role().wire())
                    + (m.disabled() ? " DISABLED" : "");
        } else if (change instanceof Change.MemberRemoved c) {
            return "member removed " + c.orgId() + "/" + c.userId();
        } else if (change instanceof Change.TeamPut c) {
            return "team " + c.team().id() + " in " + c.team().orgId();
        } else if (change instanceof Change.TeamRemoved c) {
            return "team removed " + c.teamId();
        } else if (change instanceof Change.TeamMemberPut c) {
            return "team member " + c.membership().teamId() + " += " + c.membership().userId();
        } else if (change instanceof Change.TeamMemberRemoved c) {
            return "team member " + c.teamId() + " -= " + c.userId();
        } else if (change instanceof Change.CollectionPut c) {
            return "collection " + c.collection().id() + " in " + c.collection().orgId() + parent(c.collection().parentId())
                    + " default " + level(c.collection().defaultLevel());
        } else if (change instanceof Change.SpacePut c) {
            return "space " + c.space().id() + " in " + c.space().orgId() + parent(c.space().parentId())
                    + " default " + level(c.space().defaultLevel()) + " created +" + c.space().createdAt().getEpochSecond() % 60
                    + "s" + (c.space().deleted() ? " DELETED" : "");
        } else if (change instanceof Change.SitePut c) {
            return "site " + c.site().id() + " in " + c.site().orgId() + " default " + level(c.site().defaultLevel());
        } else if (change instanceof Change.SiteSpacePut c) {
            return "site space " + c.siteSpace().id() + ": " + c.siteSpace().siteId() + " publishes "
                    + c.siteSpace().spaceId() + " at " + c.siteSpace().position();
        } else if (change instanceof Change.SiteSpaceRemoved c) {
            return "site space removed " + c.siteSpaceId();
        } else if (change instanceof Change.PagePut c) {
            return "page " + c.page().id() + " in " + c.page().spaceId() + parent(c.page().parentId())
                    + " default " + level(c.page().defaultLevel());
        } else if (change instanceof Change.GrantPut c) {
            return "grant " + c.grant().resource() + " " + c.grant().subject() + " -> " + role(c.grant().role());
        } else if (change instanceof Change.GrantRemoved c) {
            return "grant removed " + c.resource() + " " + c.subject();
        }
        return change.toString();
    }

    private static String parent(String parentId) {
        return parentId == null ? "" : " under " + parentId;
    }

    private static String level(DefaultLevel dl) {
        return dl.isInherit() ? "inherit" : role(dl.role());
    }

    private static String role(Role r) {
        return r == null ? "null" : r.wire();
    }
}
