package dev.gatehouse.model;

import java.time.Instant;

/**
 * One step of a write. A write is an ordered list of changes that the store commits in one transaction
 * (and appends to its changelog under one revision) and that the engine then applies to its index.
 *
 * <p>Changes are deliberately dumb: a {@code *Put} inserts or replaces the whole record, a removal
 * removes exactly one record. Cascades (a team's grants going with the team, a member's team places
 * going with the member) are spelled out by the service as explicit earlier changes in the same list,
 * so that the store, the index and the changelog all see the same facts.
 */
public sealed interface Change {

    /**
     * One method per kind of change: code that must handle every kind implements this, so that a kind added
     * here and not handled there is a compile error instead of a fall-through at run time.
     */
    interface Visitor<R> {
        R userPut(UserPut c);

        R userRemoved(UserRemoved c);

        R organizationPut(OrganizationPut c);

        R memberPut(MemberPut c);

        R memberRemoved(MemberRemoved c);

        R teamPut(TeamPut c);

        R teamRemoved(TeamRemoved c);

        R teamMemberPut(TeamMemberPut c);

        R teamMemberRemoved(TeamMemberRemoved c);

        R collectionPut(CollectionPut c);

        R collectionRemoved(CollectionRemoved c);

        R spacePut(SpacePut c);

        R spaceRemoved(SpaceRemoved c);

        R sitePut(SitePut c);

        R siteRemoved(SiteRemoved c);

        R siteSpacePut(SiteSpacePut c);

        R siteSpaceRemoved(SiteSpaceRemoved c);

        R pagePut(PagePut c);

        R pageRemoved(PageRemoved c);

        R grantPut(GrantPut c);

        R grantRemoved(GrantRemoved c);

        R grantExpired(GrantExpired c);

        R tokenPut(TokenPut c);

        R tokenRemoved(TokenRemoved c);

        R siteShareLinkPut(SiteShareLinkPut c);

        R siteShareLinkRemoved(SiteShareLinkRemoved c);

        R accessRequestPut(AccessRequestPut c);

        R accessRequestRemoved(AccessRequestRemoved c);

        R linkInvitePut(LinkInvitePut c);

        R linkInviteRemoved(LinkInviteRemoved c);

        R linkInviteUsed(LinkInviteUsed c);

        R scimTokenPut(ScimTokenPut c);

        R scimTokenRemoved(ScimTokenRemoved c);

        R scimRecordPut(ScimRecordPut c);

        R scimRecordRemoved(ScimRecordRemoved c);
    }

    <R> R accept(Visitor<R> visitor);

    record UserPut(User user) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.userPut(this);
        }
    }

    record UserRemoved(String userId) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.userRemoved(this);
        }
    }

    record OrganizationPut(Organization organization) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.organizationPut(this);
        }
    }

    record MemberPut(Member member) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.memberPut(this);
        }
    }

    record MemberRemoved(String orgId, String userId) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.memberRemoved(this);
        }
    }

    record TeamPut(Team team) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.teamPut(this);
        }
    }

    record TeamRemoved(String teamId) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.teamRemoved(this);
        }
    }

    record TeamMemberPut(TeamMembership membership) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.teamMemberPut(this);
        }
    }

    record TeamMemberRemoved(String teamId, String userId) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.teamMemberRemoved(this);
        }
    }

    record CollectionPut(Collection collection) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.collectionPut(this);
        }
    }

    record CollectionRemoved(String collectionId) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.collectionRemoved(this);
        }
    }

    record SpacePut(Space space) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.spacePut(this);
        }
    }

    record SpaceRemoved(String spaceId) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.spaceRemoved(this);
        }
    }

    record SitePut(Site site) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.sitePut(this);
        }
    }

    record SiteRemoved(String siteId) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.siteRemoved(this);
        }
    }

    record SiteSpacePut(SiteSpace siteSpace) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.siteSpacePut(this);
        }
    }

    record SiteSpaceRemoved(String siteSpaceId) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.siteSpaceRemoved(this);
        }
    }

    record PagePut(Page page) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.pagePut(this);
        }
    }

    record PageRemoved(String pageId) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.pageRemoved(this);
        }
    }

    record GrantPut(Grant grant) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.grantPut(this);
        }
    }

    record GrantRemoved(ResourceRef resource, SubjectRef subject) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.grantRemoved(this);
        }
    }

    /**
     * The removal of a grant whose expiry has passed, by the sweep. It removes the grant only when it still
     * expires at {@code expiresAt}: a grant given again since (another role, a later expiry, none) is a new
     * statement and stays. Answers never wait for it: an expired grant stops counting at its instant.
     */
    record GrantExpired(ResourceRef resource, SubjectRef subject, Instant expiresAt) implements Change {
        public GrantExpired {
            java.util.Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.grantExpired(this);
        }
    }

    record TokenPut(ApiToken token) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.tokenPut(this);
        }
    }

    record TokenRemoved(String tokenId) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.tokenRemoved(this);
        }
    }

    /** Creates or replaces an invite link (its bounds, its role, whether it is active). */
    record LinkInvitePut(LinkInvite invite) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.linkInvitePut(this);
        }
    }

    record LinkInviteRemoved(String inviteId) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.linkInviteRemoved(this);
        }
    }

    /**
     * One join through an invite link that changed something: the link's use count goes up by one, and the
     * audit log records who joined through which link. The membership or grant it gave are changes of their own.
     */
    record LinkInviteUsed(String inviteId, String userId) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.linkInviteUsed(this);
        }
    }

    record SiteShareLinkPut(ShareLink link) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.siteShareLinkPut(this);
        }
    }

    record SiteShareLinkRemoved(String shareLinkId) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.siteShareLinkRemoved(this);
        }
    }

    record AccessRequestPut(AccessRequest request) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.accessRequestPut(this);
        }
    }

    record AccessRequestRemoved(String requestId) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.accessRequestRemoved(this);
        }
    }

    record ScimTokenPut(ScimToken token) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.scimTokenPut(this);
        }
    }

    record ScimTokenRemoved(String tokenId) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.scimTokenRemoved(this);
        }
    }

    /** Creates or replaces what SCIM keeps of a member or team; the member or team itself is a change of its own. */
    record ScimRecordPut(ScimRecord record) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.scimRecordPut(this);
        }
    }

    record ScimRecordRemoved(String orgId, ScimRecord.Kind kind, String id) implements Change {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.scimRecordRemoved(this);
        }
    }
}
