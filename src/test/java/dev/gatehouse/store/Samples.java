package dev.gatehouse.store;

import dev.gatehouse.model.ApiToken;
import dev.gatehouse.model.LinkInvite;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Organization;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import dev.gatehouse.model.SiteVisibility;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.model.TeamRole;
import dev.gatehouse.model.User;
import dev.gatehouse.model.Visibility;
import java.time.Instant;
import java.util.List;

/** One value of every stored kind, with nanosecond times and the nulls each allows. */
final class Samples {
    static final Instant T = Instant.parse("2026-11-24T09:15:30.123456789Z");
    static final Instant T2 = Instant.parse("2026-11-25T10:00:00Z");

    static final User USER = new User("u1", "Ada", "ada@example.com", "https://example.com/a.png", false, T);
    static final User INVITED = new User("u2", "bob@example.com", "bob@example.com", null, true, T);
    static final Organization ORG = new Organization("o1", "Acme", Role.READ, T);
    static final Organization GUEST_DEFAULT_ORG = new Organization("o2", "Open", null, T2);
    static final Member MEMBER = new Member("o1", "u1", Role.ADMIN, false, T);
    static final Member GUEST = new Member("o1", "u2", null, true, T2);
    static final Team TEAM = new Team("t1", "o1", "Writers", T);
    static final TeamMembership PLACE = new TeamMembership("t1", "u1", TeamRole.OWNER);
    static final Collection COLLECTION = new Collection("c1", "o1", null, "Handbook", null, DefaultLevel.INHERIT, T);
    static final Collection NESTED = new Collection("c2", "o1", "c1", "Eng", "Restricted", DefaultLevel.NONE, T);
    static final Space SPACE = new Space("s1", "o1", "c1", "Guides", "📘", Visibility.IN_COLLECTION,
            DefaultLevel.of(Role.COMMENT), T, T2, null);
    static final Space TRASHED = new Space("s2", "o1", null, "Old", null, Visibility.PUBLIC, DefaultLevel.NONE, T, T2, T2);
    static final Site SITE = new Site("w1", "o1", "Docs", DefaultLevel.INHERIT, SiteVisibility.SHARE_LINK, true, T);
    static final SiteSpace SITE_SPACE = new SiteSpace("ss1", "w1", "s1", "guides", 3, T);
    static final Page PAGE = new Page("p1", "s1", null, "Intro", DefaultLevel.NONE, 0, T);
    static final Page CHILD = new Page("p2", "s1", "p1", "Deep", DefaultLevel.of(Role.ADMIN), 7, T2);
    static final Grant GRANT = new Grant(ResourceRef.space("s1"), SubjectRef.user("u1"), Role.REVIEW);
    static final Grant NO_ACCESS = new Grant(ResourceRef.collection("c1"), SubjectRef.team("t1"), null);
    static final Grant EXPIRING = new Grant(ResourceRef.page("p1"), SubjectRef.user("u2"), Role.EDIT,
            Instant.parse("2026-11-26T08:00:00.987654321Z"));
    static final ApiToken TOKEN = new ApiToken("k1", "u1", "ci", "ab12", T);
    static final dev.gatehouse.model.ShareLink LINK = new dev.gatehouse.model.ShareLink("l1", "w1", "Reviewers", true, T);
    static final dev.gatehouse.model.ShareLink LINK_OFF = new dev.gatehouse.model.ShareLink("l2", "w1", "", false, T2);
    static final dev.gatehouse.model.AccessRequest REQUEST = new dev.gatehouse.model.AccessRequest("r1",
            ResourceRef.page("p1"), "u2", Role.EDIT, "for the launch", dev.gatehouse.model.AccessRequest.Status.PENDING,
            null, null, T, null, null);
    static final dev.gatehouse.model.AccessRequest DECIDED = new dev.gatehouse.model.AccessRequest("r2",
            ResourceRef.site("w1"), "u2", Role.ADMIN, null, dev.gatehouse.model.AccessRequest.Status.APPROVED, "u1",
            null, T, T2, T2.plusSeconds(3600));
    static final ApiToken UNLABELLED = new ApiToken("k2", "u1", null, "cd34", T2);
    static final LinkInvite ORG_LINK = new LinkInvite("l1secret", "r1", "o1", null, null, T2, 5, 2, true, "u1", T);
    static final LinkInvite SPACE_LINK = new LinkInvite("l2secret", "r2", "o1", ResourceRef.space("s1"), Role.EDIT, null,
            null, 0, false, "system", T);
    static final Member SSO_MEMBER = new Member("o2", "u1", Role.READ, false, T, true);
    static final Organization DOMAINS_ORG = new Organization("o3", "Domains", Role.COMMENT, T,
            List.of("example.com", "example.org"));

    static final dev.gatehouse.model.ScimToken SCIM_TOKEN = new dev.gatehouse.model.ScimToken("st1", "o1", "Okta", "ef56", T);
    static final dev.gatehouse.model.ScimToken SCIM_UNLABELLED = new dev.gatehouse.model.ScimToken("st2", "o1", null, "ab78", T2);
    static final dev.gatehouse.model.ScimRecord SCIM_USER = new dev.gatehouse.model.ScimRecord("o1", dev.gatehouse.model.ScimRecord.Kind.USER,
            "u1", "00u1", "Ada Lovelace", "{\"givenName\":\"Ada\"}", T);
    static final dev.gatehouse.model.ScimRecord SCIM_GROUP = new dev.gatehouse.model.ScimRecord("o1", dev.gatehouse.model.ScimRecord.Kind.GROUP,
            "t1", null, null, null, T2);

    /** Puts of every kind of record. */
    static List<Change> puts() {
        return List.of(new Change.UserPut(USER), new Change.UserPut(INVITED), new Change.OrganizationPut(ORG),
                new Change.OrganizationPut(GUEST_DEFAULT_ORG), new Change.MemberPut(MEMBER), new Change.MemberPut(GUEST),
                new Change.TeamPut(TEAM), new Change.TeamMemberPut(PLACE), new Change.CollectionPut(COLLECTION),
                new Change.CollectionPut(NESTED), new Change.SpacePut(SPACE), new Change.SpacePut(TRASHED),
                new Change.SitePut(SITE), new Change.SiteSpacePut(SITE_SPACE), new Change.PagePut(PAGE),
                new Change.PagePut(CHILD), new Change.GrantPut(GRANT), new Change.GrantPut(NO_ACCESS),
                new Change.GrantPut(EXPIRING),
                new Change.TokenPut(TOKEN), new Change.TokenPut(UNLABELLED), new Change.OrganizationPut(DOMAINS_ORG),
                new Change.MemberPut(SSO_MEMBER), new Change.LinkInvitePut(ORG_LINK), new Change.LinkInvitePut(SPACE_LINK),
                new Change.SiteShareLinkPut(LINK), new Change.SiteShareLinkPut(LINK_OFF), new Change.AccessRequestPut(REQUEST),
                new Change.AccessRequestPut(DECIDED), new Change.ScimTokenPut(SCIM_TOKEN),
                new Change.ScimTokenPut(SCIM_UNLABELLED), new Change.ScimRecordPut(SCIM_USER), new Change.ScimRecordPut(SCIM_GROUP));
    }

    /** The records {@link #puts} stores. */
    static List<Object> values() {
        return List.of(USER, INVITED, ORG, GUEST_DEFAULT_ORG, MEMBER, GUEST, TEAM, PLACE, COLLECTION, NESTED, SPACE, TRASHED,
                SITE, SITE_SPACE, PAGE, CHILD, GRANT, NO_ACCESS, EXPIRING, TOKEN, UNLABELLED, DOMAINS_ORG, SSO_MEMBER, ORG_LINK,
                SPACE_LINK, LINK, LINK_OFF, REQUEST, DECIDED, SCIM_TOKEN, SCIM_UNLABELLED, SCIM_USER, SCIM_GROUP);
    }

    /** One removal of every kind, of records that {@link #puts} created. */
    static List<Change> removals() {
        return List.of(new Change.ScimTokenRemoved("st2"),
                new Change.ScimRecordRemoved("o1", dev.gatehouse.model.ScimRecord.Kind.GROUP, "t1"),
                new Change.AccessRequestRemoved("r2"), new Change.SiteShareLinkRemoved("l2"),
                new Change.LinkInviteRemoved("l2secret"), new Change.MemberRemoved("o2", "u1"),
                new Change.TokenRemoved("k2"), new Change.GrantRemoved(NO_ACCESS.resource(), NO_ACCESS.subject()),
                new Change.GrantExpired(EXPIRING.resource(), EXPIRING.subject(), EXPIRING.expiresAt()),
                new Change.PageRemoved("p2"), new Change.SiteSpaceRemoved("ss1"), new Change.SiteRemoved("w1"),
                new Change.SpaceRemoved("s2"), new Change.CollectionRemoved("c2"), new Change.TeamMemberRemoved("t1", "u1"),
                new Change.TeamRemoved("t1"), new Change.MemberRemoved("o1", "u2"), new Change.UserRemoved("u2"));
    }

    private Samples() {
    }
}
