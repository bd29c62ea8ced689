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

    /**
     * The instants to ask at: before any grant expires, and around each instant a grant expires at, one
     * microsecond before it and at it exactly (a grant counts for nothing from its instant on).
     */
    public List<java.time.Instant> instants() {
        java.util.TreeSet<java.time.Instant> expiries = new java.util.TreeSet<>();
        for (Change c : changes) {
            if (c instanceof Change.GrantPut p && p.grant().expiresAt() != null) {
                expiries.add(p.grant().expiresAt());
            }
        }
        List<java.time.Instant> out = new java.util.ArrayList<>();
        out.add(java.time.Instant.parse("2024-01-01T00:00:00Z"));
        for (java.time.Instant e : expiries) {
            out.add(e.minusNanos(1000));
            out.add(e);
        }
        return out;
    }

    @Override
    public String toString() {
        return changes.stream().map(GeneratedWorld::describe).collect(Collectors.joining("\n  ", "World:\n  ", "\n"));
    }

    static String describe(Change change) {
        return change.accept(DESCRIBE);
    }

    /** One line per change, in the words of a failure report. */
    private static final Change.Visitor<String> DESCRIBE = new Change.Visitor<>() {
        @Override
        public String userPut(Change.UserPut c) {
            return "user " + c.user().id();
        }

        @Override
        public String userRemoved(Change.UserRemoved c) {
            return c.toString();
        }

        @Override
        public String organizationPut(Change.OrganizationPut c) {
            return "organization " + c.organization().id();
        }

        @Override
        public String memberPut(Change.MemberPut c) {
            Member m = c.member();
            return "member " + m.orgId() + "/" + m.userId() + " " + (m.isGuest() ? "guest" : m.role().wire())
                    + (m.disabled() ? " DISABLED" : "");
        }

        @Override
        public String memberRemoved(Change.MemberRemoved c) {
            return "member removed " + c.orgId() + "/" + c.userId();
        }

        @Override
        public String teamPut(Change.TeamPut c) {
            return "team " + c.team().id() + " in " + c.team().orgId();
        }

        @Override
        public String teamRemoved(Change.TeamRemoved c) {
            return "team removed " + c.teamId();
        }

        @Override
        public String teamMemberPut(Change.TeamMemberPut c) {
            return "team member " + c.membership().teamId() + " += " + c.membership().userId();
        }

        @Override
        public String teamMemberRemoved(Change.TeamMemberRemoved c) {
            return "team member " + c.teamId() + " -= " + c.userId();
        }

        @Override
        public String collectionPut(Change.CollectionPut c) {
            return "collection " + c.collection().id() + " in " + c.collection().orgId() + parent(c.collection().parentId())
                    + " default " + level(c.collection().defaultLevel());
        }

        @Override
        public String collectionRemoved(Change.CollectionRemoved c) {
            return c.toString();
        }

        @Override
        public String spacePut(Change.SpacePut c) {
            return "space " + c.space().id() + " in " + c.space().orgId() + parent(c.space().parentId())
                    + " default " + level(c.space().defaultLevel()) + " created +" + c.space().createdAt().getEpochSecond() % 60
                    + "s" + (c.space().deleted() ? " DELETED" : "");
        }

        @Override
        public String spaceRemoved(Change.SpaceRemoved c) {
            return c.toString();
        }

        @Override
        public String sitePut(Change.SitePut c) {
            return "site " + c.site().id() + " in " + c.site().orgId() + " default " + level(c.site().defaultLevel());
        }

        @Override
        public String siteRemoved(Change.SiteRemoved c) {
            return c.toString();
        }

        @Override
        public String siteSpacePut(Change.SiteSpacePut c) {
            return "site space " + c.siteSpace().id() + ": " + c.siteSpace().siteId() + " publishes "
                    + c.siteSpace().spaceId() + " at " + c.siteSpace().position();
        }

        @Override
        public String siteSpaceRemoved(Change.SiteSpaceRemoved c) {
            return "site space removed " + c.siteSpaceId();
        }

        @Override
        public String pagePut(Change.PagePut c) {
            return "page " + c.page().id() + " in " + c.page().spaceId() + parent(c.page().parentId())
                    + " default " + level(c.page().defaultLevel());
        }

        @Override
        public String pageRemoved(Change.PageRemoved c) {
            return c.toString();
        }

        @Override
        public String grantPut(Change.GrantPut c) {
            return "grant " + c.grant().resource() + " " + c.grant().subject() + " -> " + role(c.grant().role())
                    + (c.grant().expiresAt() == null ? "" : " until " + c.grant().expiresAt());
        }

        @Override
        public String grantRemoved(Change.GrantRemoved c) {
            return "grant removed " + c.resource() + " " + c.subject();
        }

        @Override
        public String grantExpired(Change.GrantExpired c) {
            return "grant swept " + c.resource() + " " + c.subject() + " (expired " + c.expiresAt() + ")";
        }

        @Override
        public String tokenPut(Change.TokenPut c) {
            return c.toString();
        }

        @Override
        public String tokenRemoved(Change.TokenRemoved c) {
            return c.toString();
        }

        @Override
        public String scimTokenPut(Change.ScimTokenPut c) {
            return c.toString();
        }

        @Override
        public String scimTokenRemoved(Change.ScimTokenRemoved c) {
            return c.toString();
        }

        @Override
        public String scimRecordPut(Change.ScimRecordPut c) {
            return c.toString();
        }

        @Override
        public String scimRecordRemoved(Change.ScimRecordRemoved c) {
            return c.toString();
        }

        @Override
        public String linkInvitePut(Change.LinkInvitePut c) {
            return c.toString();
        }

        @Override
        public String linkInviteRemoved(Change.LinkInviteRemoved c) {
            return c.toString();
        }

        @Override
        public String linkInviteUsed(Change.LinkInviteUsed c) {
            return c.toString();
        }

        @Override
        public String siteShareLinkPut(Change.SiteShareLinkPut c) {
            return c.toString();
        }

        @Override
        public String siteShareLinkRemoved(Change.SiteShareLinkRemoved c) {
            return c.toString();
        }

        @Override
        public String accessRequestPut(Change.AccessRequestPut c) {
            return c.toString();
        }

        @Override
        public String accessRequestRemoved(Change.AccessRequestRemoved c) {
            return c.toString();
        }
    };

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
