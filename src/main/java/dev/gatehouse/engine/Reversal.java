package dev.gatehouse.engine;

import dev.gatehouse.model.ApiToken;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Organization;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.model.User;
import java.util.ArrayList;
import java.util.List;

/**
 * For one change about to be applied, what puts the world back as it was: the record it replaces or
 * removes is put back, the record it creates is taken away. Read before the change is applied.
 *
 * <p>Why the world is taken back at all: a group of writes is planned against the index with each earlier
 * write of the group applied (its checks must see them), but none of them is committed yet, and readers
 * must never see what the database has not committed. So the group is planned, taken back, committed, and
 * only what committed is applied again. Taking back is exact for the records (a fresh load would build the
 * same world); numbers handed to new users and teams stay taken, which no answer shows.
 */
final class Reversal implements Change.Visitor<Runnable> {
    private static final Runnable NOTHING = () -> { };
    private final World w;

    Reversal(World w) {
        this.w = w;
    }

    @Override
    public Runnable userPut(Change.UserPut c) {
        User old = w.user(c.user().id());
        return old == null ? () -> w.removeUser(c.user().id()) : () -> w.putUser(old);
    }

    @Override
    public Runnable userRemoved(Change.UserRemoved c) {
        User old = w.user(c.userId());
        return old == null ? NOTHING : () -> w.putUser(old);
    }

    @Override
    public Runnable organizationPut(Change.OrganizationPut c) {
        Organization old = w.organization(c.organization().id());
        return old == null ? () -> w.removeOrganization(c.organization().id()) : () -> w.apply(new Change.OrganizationPut(old));
    }

    @Override
    public Runnable memberPut(Change.MemberPut c) {
        Member old = w.member(c.member().orgId(), c.member().userId());
        return old == null ? () -> w.removeMember(c.member().orgId(), c.member().userId()) : () -> w.putMember(old);
    }

    @Override
    public Runnable memberRemoved(Change.MemberRemoved c) {
        Member old = w.member(c.orgId(), c.userId());
        return old == null ? NOTHING : () -> w.putMember(old);
    }

    @Override
    public Runnable teamPut(Change.TeamPut c) {
        Team old = w.team(c.team().id());
        return old == null ? () -> w.unputTeam(c.team().id()) : () -> w.putTeam(old);
    }

    @Override
    public Runnable teamRemoved(Change.TeamRemoved c) {
        // Removing a team drops its memberships with it: they come back with it.
        Team old = w.team(c.teamId());
        List<TeamMembership> members = new ArrayList<>(w.teamMembers(c.teamId()).values());
        return () -> {
            if (old != null) {
                w.putTeam(old);
            }
            members.forEach(w::putMembership);
        };
    }

    @Override
    public Runnable teamMemberPut(Change.TeamMemberPut c) {
        TeamMembership old = w.teamMembers(c.membership().teamId()).get(c.membership().userId());
        return old == null ? () -> w.removeMembership(c.membership().teamId(), c.membership().userId())
                : () -> w.putMembership(old);
    }

    @Override
    public Runnable teamMemberRemoved(Change.TeamMemberRemoved c) {
        TeamMembership old = w.teamMembers(c.teamId()).get(c.userId());
        return old == null ? NOTHING : () -> w.putMembership(old);
    }

    @Override
    public Runnable collectionPut(Change.CollectionPut c) {
        Collection old = w.collection(c.collection().id());
        return old == null ? () -> w.removeCollection(c.collection().id()) : () -> w.putCollection(old);
    }

    @Override
    public Runnable collectionRemoved(Change.CollectionRemoved c) {
        Collection old = w.collection(c.collectionId());
        return old == null ? NOTHING : () -> w.putCollection(old);
    }

    @Override
    public Runnable spacePut(Change.SpacePut c) {
        Space old = w.space(c.space().id());
        return old == null ? () -> w.removeSpace(c.space().id()) : () -> w.putSpace(old);
    }

    @Override
    public Runnable spaceRemoved(Change.SpaceRemoved c) {
        Space old = w.space(c.spaceId());
        return old == null ? NOTHING : () -> w.putSpace(old);
    }

    @Override
    public Runnable sitePut(Change.SitePut c) {
        Site old = w.site(c.site().id());
        return old == null ? () -> w.removeSite(c.site().id()) : () -> w.putSite(old);
    }

    @Override
    public Runnable siteRemoved(Change.SiteRemoved c) {
        Site old = w.site(c.siteId());
        return old == null ? NOTHING : () -> w.putSite(old);
    }

    @Override
    public Runnable siteSpacePut(Change.SiteSpacePut c) {
        SiteSpace old = w.siteSpace(c.siteSpace().id());
        return old == null ? () -> w.removeSiteSpace(c.siteSpace().id()) : () -> w.putSiteSpace(old);
    }

    @Override
    public Runnable siteSpaceRemoved(Change.SiteSpaceRemoved c) {
        SiteSpace old = w.siteSpace(c.siteSpaceId());
        return old == null ? NOTHING : () -> w.putSiteSpace(old);
    }

    @Override
    public Runnable pagePut(Change.PagePut c) {
        Page old = w.page(c.page().id());
        return old == null ? () -> w.removePage(c.page().id()) : () -> w.putPage(old);
    }

    @Override
    public Runnable pageRemoved(Change.PageRemoved c) {
        Page old = w.page(c.pageId());
        return old == null ? NOTHING : () -> w.putPage(old);
    }

    @Override
    public Runnable grantPut(Change.GrantPut c) {
        Grant old = grant(c.grant().resource(), c.grant().subject());
        return old == null ? () -> w.removeGrant(c.grant().resource(), c.grant().subject()) : () -> w.putGrant(old);
    }

    @Override
    public Runnable grantRemoved(Change.GrantRemoved c) {
        Grant old = grant(c.resource(), c.subject());
        return old == null ? NOTHING : () -> w.putGrant(old);
    }

    @Override
    public Runnable grantExpired(Change.GrantExpired c) {
        Grant old = grant(c.resource(), c.subject());
        return old == null ? NOTHING : () -> w.putGrant(old);
    }

    @Override
    public Runnable tokenPut(Change.TokenPut c) {
        ApiToken old = w.token(c.token().id());
        return old == null ? () -> w.removeToken(c.token().id()) : () -> w.putToken(old);
    }

    @Override
    public Runnable tokenRemoved(Change.TokenRemoved c) {
        ApiToken old = w.token(c.tokenId());
        return old == null ? NOTHING : () -> w.putToken(old);
    }

    @Override
    public Runnable linkInvitePut(Change.LinkInvitePut c) {
        dev.gatehouse.model.LinkInvite old = w.linkInvite(c.invite().id());
        return old == null ? () -> w.removeLinkInvite(c.invite().id()) : () -> w.putLinkInvite(old);
    }

    @Override
    public Runnable linkInviteRemoved(Change.LinkInviteRemoved c) {
        dev.gatehouse.model.LinkInvite old = w.linkInvite(c.inviteId());
        return old == null ? NOTHING : () -> w.putLinkInvite(old);
    }

    @Override
    public Runnable linkInviteUsed(Change.LinkInviteUsed c) {
        dev.gatehouse.model.LinkInvite old = w.linkInvite(c.inviteId());
        return old == null ? NOTHING : () -> w.putLinkInvite(old);
    }

    @Override
    public Runnable siteShareLinkPut(Change.SiteShareLinkPut c) {
        dev.gatehouse.model.ShareLink old = w.shareLink(c.link().id());
        return old == null ? () -> w.removeShareLink(c.link().id()) : () -> w.putShareLink(old);
    }

    @Override
    public Runnable siteShareLinkRemoved(Change.SiteShareLinkRemoved c) {
        dev.gatehouse.model.ShareLink old = w.shareLink(c.shareLinkId());
        return old == null ? NOTHING : () -> w.putShareLink(old);
    }

    @Override
    public Runnable accessRequestPut(Change.AccessRequestPut c) {
        dev.gatehouse.model.AccessRequest old = w.accessRequest(c.request().id());
        return old == null ? () -> w.removeAccessRequest(c.request().id()) : () -> w.putAccessRequest(old);
    }

    @Override
    public Runnable accessRequestRemoved(Change.AccessRequestRemoved c) {
        dev.gatehouse.model.AccessRequest old = w.accessRequest(c.requestId());
        return old == null ? NOTHING : () -> w.putAccessRequest(old);
    }

    @Override
    public Runnable scimTokenPut(Change.ScimTokenPut c) {
        dev.gatehouse.model.ScimToken old = w.scimToken(c.token().id());
        return old == null ? () -> w.scimState().removeToken(c.token().id()) : () -> w.scimState().putToken(old);
    }

    @Override
    public Runnable scimTokenRemoved(Change.ScimTokenRemoved c) {
        dev.gatehouse.model.ScimToken old = w.scimToken(c.tokenId());
        return old == null ? NOTHING : () -> w.scimState().putToken(old);
    }

    @Override
    public Runnable scimRecordPut(Change.ScimRecordPut c) {
        dev.gatehouse.model.ScimRecord r = c.record();
        dev.gatehouse.model.ScimRecord old = w.scimRecord(r.orgId(), r.kind(), r.id());
        return old == null ? () -> w.scimState().removeRecord(r.orgId(), r.kind(), r.id())
                : () -> w.scimState().putRecord(old);
    }

    @Override
    public Runnable scimRecordRemoved(Change.ScimRecordRemoved c) {
        dev.gatehouse.model.ScimRecord old = w.scimRecord(c.orgId(), c.kind(), c.id());
        return old == null ? NOTHING : () -> w.scimState().putRecord(old);
    }

    /** The grant as stored, expired or not: taking back must restore exactly what was there. */
    private Grant grant(dev.gatehouse.model.ResourceRef resource, dev.gatehouse.model.SubjectRef subject) {
        return w.storedGrant(resource, subject);
    }
}
