package dev.gatehouse.model;

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

    record UserPut(User user) implements Change { }

    record UserRemoved(String userId) implements Change { }

    record OrganizationPut(Organization organization) implements Change { }

    record MemberPut(Member member) implements Change { }

    record MemberRemoved(String orgId, String userId) implements Change { }

    record TeamPut(Team team) implements Change { }

    record TeamRemoved(String teamId) implements Change { }

    record TeamMemberPut(TeamMembership membership) implements Change { }

    record TeamMemberRemoved(String teamId, String userId) implements Change { }

    record CollectionPut(Collection collection) implements Change { }

    record CollectionRemoved(String collectionId) implements Change { }

    record SpacePut(Space space) implements Change { }

    record SpaceRemoved(String spaceId) implements Change { }

    record SitePut(Site site) implements Change { }

    record SiteRemoved(String siteId) implements Change { }

    record SiteSpacePut(SiteSpace siteSpace) implements Change { }

    record SiteSpaceRemoved(String siteSpaceId) implements Change { }

    record PagePut(Page page) implements Change { }

    record PageRemoved(String pageId) implements Change { }

    record GrantPut(Grant grant) implements Change { }

    record GrantRemoved(ResourceRef resource, SubjectRef subject) implements Change { }

    record TokenPut(ApiToken token) implements Change { }

    record TokenRemoved(String tokenId) implements Change { }
}
