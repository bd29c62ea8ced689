package dev.gatehouse.engine;

import dev.gatehouse.model.AuditEvent;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.LinkInvite;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Organization;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Describes a write's changes as audit events, against the world as it was before the write.
 *
 * <p>The events are computed before the commit, so that the store writes them in the same transaction as
 * the changes: a change without its entry, or an entry for a rolled-back change, cannot happen. The write
 * path describes each change against the world it is tried out on, just before applying it there, so a
 * change that touches something an earlier change of the same write created (a space and its first grant)
 * finds it in the world itself: no overlay of what the write has put so far is needed.
 *
 * <p>Users and API tokens belong to no organization and are not described; a user joining one is, as a
 * member.
 */
public final class AuditTrail {

    /** Every action an event can name: what a webhook may ask for. */
    public static final java.util.Set<String> ACTIONS = java.util.Set.copyOf(actions());

    private final World world;
    private final List<AuditEvent> events = new ArrayList<>();

    private AuditTrail(World world) {
        this.world = world;
    }

    private static List<String> actions() {
        List<String> all = new ArrayList<>(List.of("organization.created", "organization.default_changed",
                "organization.updated", "member.added", "member.role_changed", "member.disabled", "member.enabled",
                "member.removed", "team.created", "team.updated", "team.deleted", "team.member_added",
                "team.member_role_changed", "team.member_removed", "space.restored", "space.purged",
                "site.space_published", "site.space_updated", "site.space_unpublished", "grant.created",
                "grant.updated", "grant.removed", "member.sso_enabled", "link_invite.created", "link_invite.updated",
                "link_invite.deleted", "member.joined_by_link", "grant.joined_by_link", "share_link.created",
                "share_link.updated", "share_link.deleted", "access_request.requested", "access_request.approved",
                "access_request.denied", "access_request.removed", "grant.expired", "scim_token.created",
                "scim_token.revoked"));
        for (String type : List.of("collection", "space", "site", "page")) {
            for (String what : List.of("created", "default_changed", "updated", "deleted")) {
                all.add(type + "." + what);
            }
        }
        return all;
    }

    /**
     * The events of one change, as seen from the world just before it: the caller applies each change of a
     * write before describing the next, so a later change sees what an earlier one put or removed.
     */
    public static List<AuditEvent> describe(World before, Change change) {
        AuditTrail trail = new AuditTrail(before);
        trail.describe(change);
        return trail.events;
    }

    private void describe(Change c) {
        c.accept(describer);
    }

    /** One entry (or none) per kind of change; users and tokens have no organization and no entry. */
    private final Change.Visitor<Void> describer = new Change.Visitor<>() {
        @Override
        public Void userPut(Change.UserPut x) {
            return null; // no organization, no entry (see the class comment)
        }

        @Override
        public Void userRemoved(Change.UserRemoved x) {
            return null; // no organization, no entry (see the class comment)
        }

        @Override
        public Void organizationPut(Change.OrganizationPut x) {
            organization(x.organization());
            return null;
        }

        @Override
        public Void memberPut(Change.MemberPut x) {
            member(x.member());
            return null;
        }

        @Override
        public Void memberRemoved(Change.MemberRemoved x) {
            Member old = world.member(x.orgId(), x.userId());
            emit(x.orgId(), "member.removed", "organization", x.orgId(), "user", x.userId(),
                    old == null ? null : memberRole(old), null);
            return null;
        }

        @Override
        public Void teamPut(Change.TeamPut x) {
            team(x.team());
            return null;
        }

        @Override
        public Void teamRemoved(Change.TeamRemoved x) {
            Team old = world.team(x.teamId());
            if (old != null) {
                emit(old.orgId(), "team.deleted", "team", old.id(), null, null, null, null);
            }
            return null;
        }

        @Override
        public Void teamMemberPut(Change.TeamMemberPut x) {
            teamMember(x.membership());
            return null;
        }

        @Override
        public Void teamMemberRemoved(Change.TeamMemberRemoved x) {
            String key = "teammember:" + x.teamId() + ":" + x.userId();
            TeamMembership old = world.teamMembers(x.teamId()).get(x.userId());
            Team team = world.team(x.teamId());
            if (team != null) {
                emit(team.orgId(), "team.member_removed", "team", x.teamId(), "user", x.userId(),
                        old == null ? null : old.role().wire(), null);
            }
            return null;
        }

        @Override
        public Void collectionPut(Change.CollectionPut x) {
            Collection k = x.collection();
            Collection old = world.collection(k.id());
            content(k.orgId(), "collection", k.id(), old == null, old == null ? null : old.defaultLevel(),
                    k.defaultLevel(), old != null && !old.equals(new Collection(k.id(), k.orgId(), k.parentId(),
                            k.title(), k.description(), old.defaultLevel(), k.createdAt())));
            return null;
        }

        @Override
        public Void collectionRemoved(Change.CollectionRemoved x) {
            removed("collection", x.collectionId());
            return null;
        }

        @Override
        public Void spacePut(Change.SpacePut x) {
            space(x.space());
            return null;
        }

        @Override
        public Void spaceRemoved(Change.SpaceRemoved x) {
            Space old = world.space(x.spaceId());
            // A space already in the bin was reported deleted then; its purge is reported as such.
            if (old != null) {
                emit(old.orgId(), old.deletedAt() == null ? "space.deleted" : "space.purged", "space", old.id(),
                        null, null, null, null);
            }
            return null;
        }

        @Override
        public Void sitePut(Change.SitePut x) {
            Site s = x.site();
            Site old = world.site(s.id());
            content(s.orgId(), "site", s.id(), old == null, old == null ? null : old.defaultLevel(),
                    s.defaultLevel(), old != null && !old.equals(new Site(s.id(), s.orgId(), s.title(),
                            old.defaultLevel(), s.visibility(), s.published(), s.createdAt())));
            return null;
        }

        @Override
        public Void siteRemoved(Change.SiteRemoved x) {
            removed("site", x.siteId());
            return null;
        }

        @Override
        public Void siteSpacePut(Change.SiteSpacePut x) {
            siteSpace(x.siteSpace());
            return null;
        }

        @Override
        public Void siteSpaceRemoved(Change.SiteSpaceRemoved x) {
            SiteSpace old = world.siteSpace(x.siteSpaceId());
            if (old != null) {
                emit(orgOf(new ResourceRef(ResourceType.SITE, old.siteId())), "site.space_unpublished", "site",
                        old.siteId(), "space", old.spaceId(), null, null);
            }
            return null;
        }

        @Override
        public Void pagePut(Change.PagePut x) {
            Page p = x.page();
            Page old = world.page(p.id());
            content(orgOf(new ResourceRef(ResourceType.SPACE, p.spaceId())), "page", p.id(), old == null,
                    old == null ? null : old.defaultLevel(), p.defaultLevel(), old != null && !old.equals(new Page(p.id(),
                            p.spaceId(), p.parentId(), p.title(), old.defaultLevel(), p.position(), p.createdAt())));
            return null;
        }

        @Override
        public Void pageRemoved(Change.PageRemoved x) {
            removed("page", x.pageId());
            return null;
        }

        @Override
        public Void grantPut(Change.GrantPut x) {
            grant(x.grant());
            return null;
        }

        @Override
        public Void grantRemoved(Change.GrantRemoved x) {
            Grant old = priorGrant(x.resource(), x.subject());
            if (old != null) {
                emit(orgOf(x.resource()), "grant.removed", x.resource().type().wire(), x.resource().id(),
                        subjectType(x.subject()), x.subject().id(), roleOrNone(old.role()), null, old.expiresAt());
            }
            return null;
        }

        @Override
        public Void grantExpired(Change.GrantExpired x) {
            // The sweep's removal of what already counts for nothing: said as such, not as a removal by someone.
            Grant old = world.storedGrant(x.resource(), x.subject());
            if (old != null && x.expiresAt().equals(old.expiresAt())) {
                emit(orgOf(x.resource()), "grant.expired", x.resource().type().wire(), x.resource().id(),
                        subjectType(x.subject()), x.subject().id(), roleOrNone(old.role()), null, old.expiresAt());
            }
            return null;
        }

        @Override
        public Void tokenPut(Change.TokenPut x) {
            return null; // no organization, no entry (see the class comment)
        }

        @Override
        public Void tokenRemoved(Change.TokenRemoved x) {
            return null; // no organization, no entry (see the class comment)
        }

        @Override
        public Void scimTokenPut(Change.ScimTokenPut x) {
            if (world.scimToken(x.token().id()) == null) {
                emit(x.token().orgId(), "scim_token.created", "organization", x.token().orgId(), "scim-token",
                        x.token().id(), null, null);
            }
            return null;
        }

        @Override
        public Void scimTokenRemoved(Change.ScimTokenRemoved x) {
            dev.gatehouse.model.ScimToken old = world.scimToken(x.tokenId());
            if (old != null) {
                emit(old.orgId(), "scim_token.revoked", "organization", old.orgId(), "scim-token", old.id(), null, null);
            }
            return null;
        }

        @Override
        public Void scimRecordPut(Change.ScimRecordPut x) {
            return null; // SCIM's own attributes: the member or team change beside it is what the log says
        }

        @Override
        public Void scimRecordRemoved(Change.ScimRecordRemoved x) {
            return null; // as above
        }

        @Override
        public Void linkInvitePut(Change.LinkInvitePut x) {
            LinkInvite k = x.invite();
            LinkInvite old = world.linkInvite(k.id());
            if (old == null) {
                emit(k.orgId(), "link_invite.created", LINK, k.ref(), target(k), targetId(k), null, grantedRole(k));
            } else if (!old.equals(k)) {
                emit(k.orgId(), "link_invite.updated", LINK, k.ref(), target(k), targetId(k), grantedRole(old),
                        grantedRole(k));
            }
            return null;
        }

        @Override
        public Void linkInviteRemoved(Change.LinkInviteRemoved x) {
            LinkInvite old = world.linkInvite(x.inviteId());
            if (old != null) {
                emit(old.orgId(), "link_invite.deleted", LINK, old.ref(), target(old), targetId(old), grantedRole(old),
                        null);
            }
            return null;
        }

        @Override
        public Void linkInviteUsed(Change.LinkInviteUsed x) {
            LinkInvite k = world.linkInvite(x.inviteId());
            if (k != null) {
                emit(k.orgId(), k.toOrganization() ? "member.joined_by_link" : "grant.joined_by_link", LINK, k.ref(),
                        "user", x.userId(), null, grantedRole(k));
            }
            return null;
        }

        @Override
        public Void siteShareLinkPut(Change.SiteShareLinkPut x) {
            dev.gatehouse.model.ShareLink old = world.shareLink(x.link().id());
            if (old == null || !old.equals(x.link())) {
                emit(orgOf(ResourceRef.site(x.link().siteId())), old == null ? "share_link.created" : "share_link.updated",
                        "site", x.link().siteId(), "share-link", x.link().id(), null, null);
            }
            return null;
        }

        @Override
        public Void siteShareLinkRemoved(Change.SiteShareLinkRemoved x) {
            dev.gatehouse.model.ShareLink old = world.shareLink(x.shareLinkId());
            if (old != null) {
                emit(orgOf(ResourceRef.site(old.siteId())), "share_link.deleted", "site", old.siteId(), "share-link",
                        old.id(), null, null);
            }
            return null;
        }

        @Override
        public Void accessRequestPut(Change.AccessRequestPut x) {
            dev.gatehouse.model.AccessRequest r = x.request();
            dev.gatehouse.model.AccessRequest old = world.accessRequest(r.id());
            if (r.equals(old)) {
                return null;
            }
            String action = switch (r.status()) {
                case PENDING -> "access_request.requested";
                case APPROVED -> "access_request.approved";
                case DENIED -> "access_request.denied";
            };
            emit(orgOf(r.resource()), action, r.resource().type().wire(), r.resource().id(), "user", r.userId(),
                    old == null ? null : old.role().wire(), r.role().wire(), r.expiresAt());
            return null;
        }

        @Override
        public Void accessRequestRemoved(Change.AccessRequestRemoved x) {
            dev.gatehouse.model.AccessRequest old = world.accessRequest(x.requestId());
            if (old != null) {
                emit(orgOf(old.resource()), "access_request.removed", old.resource().type().wire(), old.resource().id(),
                        "user", old.userId(), old.role().wire(), null);
            }
            return null;
        }
    };

    /** How the audit log names an invite link: by its {@code ref}, never by its id, which is its secret. */
    private static final String LINK = "link-invite";

    private static String target(LinkInvite k) {
        return k.toOrganization() ? "organization" : k.resource().type().wire();
    }

    private static String targetId(LinkInvite k) {
        return k.toOrganization() ? k.orgId() : k.resource().id();
    }

    /** What the link gives: a member role ({@code guest} for none) or a level. */
    private static String grantedRole(LinkInvite k) {
        return k.role() == null ? "guest" : k.role().wire();
    }

    private void organization(Organization o) {
        Organization old = world.organization(o.id());
        if (old == null) {
            emit(o.id(), "organization.created", "organization", o.id(), null, null, null, roleOrNone(o.defaultRole()));
        } else {
            if (old.defaultRole() != o.defaultRole()) {
                emit(o.id(), "organization.default_changed", "organization", o.id(), null, null,
                        roleOrNone(old.defaultRole()), roleOrNone(o.defaultRole()));
            }
            if (!Objects.equals(old.title(), o.title()) || !old.emailDomains().equals(o.emailDomains())) {
                emit(o.id(), "organization.updated", "organization", o.id(), null, null, null, null);
            }
        }
    }

    private void member(Member m) {
        String key = "member:" + m.orgId() + ":" + m.userId();
        Member old = world.member(m.orgId(), m.userId());
        if (old == null) {
            emit(m.orgId(), "member.added", "organization", m.orgId(), "user", m.userId(), null, memberRole(m));
        } else {
            if (old.role() != m.role()) {
                emit(m.orgId(), "member.role_changed", "organization", m.orgId(), "user", m.userId(),
                        memberRole(old), memberRole(m));
            }
            if (old.disabled() != m.disabled()) {
                emit(m.orgId(), m.disabled() ? "member.disabled" : "member.enabled", "organization", m.orgId(),
                        "user", m.userId(), null, null);
            }
            if (!old.sso() && m.sso()) {
                emit(m.orgId(), "member.sso_enabled", "organization", m.orgId(), "user", m.userId(), null, null);
            }
        }
    }

    private void team(Team t) {
        Team old = world.team(t.id());
        if (old == null) {
            emit(t.orgId(), "team.created", "team", t.id(), null, null, null, null);
        } else if (!old.equals(t)) {
            emit(t.orgId(), "team.updated", "team", t.id(), null, null, null, null);
        }
    }

    private void teamMember(TeamMembership m) {
        String key = "teammember:" + m.teamId() + ":" + m.userId();
        TeamMembership old = world.teamMembers(m.teamId()).get(m.userId());
        Team team = world.team(m.teamId());
        if (team != null && (old == null || old.role() != m.role())) {
            emit(team.orgId(), old == null ? "team.member_added" : "team.member_role_changed", "team", m.teamId(),
                    "user", m.userId(), old == null ? null : old.role().wire(), m.role().wire());
        }
    }

    private void space(Space s) {
        Space old = world.space(s.id());
        if (old == null) {
            content(s.orgId(), "space", s.id(), true, null, s.defaultLevel(), false);
        } else {
            boolean binned = old.deletedAt() == null && s.deletedAt() != null;
            boolean restored = old.deletedAt() != null && s.deletedAt() == null;
            if (binned || restored) {
                emit(s.orgId(), binned ? "space.deleted" : "space.restored", "space", s.id(), null, null, null, null);
            }
            // updatedAt moves with every edit; only a change of what the space is counts as an update.
            Space same = new Space(s.id(), s.orgId(), s.parentId(), s.title(), s.emoji(), s.visibility(),
                    old.defaultLevel(), s.createdAt(), old.updatedAt(), old.deletedAt());
            content(s.orgId(), "space", s.id(), false, old.defaultLevel(), s.defaultLevel(), !old.equals(same));
        }
    }

    private void siteSpace(SiteSpace s) {
        SiteSpace old = world.siteSpace(s.id());
        String org = orgOf(new ResourceRef(ResourceType.SITE, s.siteId()));
        if (old == null) {
            emit(org, "site.space_published", "site", s.siteId(), "space", s.spaceId(), null, null);
        } else if (!old.equals(s)) {
            emit(org, "site.space_updated", "site", s.siteId(), "space", s.spaceId(), null, null);
        }
    }

    /**
     * A content resource put: created, or its default level changed, or something else about it changed
     * (title, parent, visibility...), each its own entry.
     */
    private void content(String org, String type, String id, boolean created, DefaultLevel before, DefaultLevel after,
                         boolean otherwiseChanged) {
        if (created) {
            emit(org, type + ".created", type, id, null, null, null, level(after));
            return;
        }
        if (!Objects.equals(before, after)) {
            emit(org, type + ".default_changed", type, id, null, null, level(before), level(after));
        }
        if (otherwiseChanged) {
            emit(org, type + ".updated", type, id, null, null, null, null);
        }
    }

    private void removed(String type, String id) {
        ResourceRef ref = new ResourceRef(ResourceType.parse(type), id);
        String org = orgOf(ref);
        if (org != null) {
            emit(org, type + ".deleted", type, id, null, null, null, null);
        }
    }

    /**
     * A grant put: created when none counted before (one whose expiry passed counts as none), updated when
     * its role or its expiry changed. The entry names the roles; a new expiry alone is an update from a role
     * to the same role.
     */
    private void grant(Grant grant) {
        Grant old = priorGrant(grant.resource(), grant.subject());
        if (old == null || old.role() != grant.role() || !Objects.equals(old.expiresAt(), grant.expiresAt())) {
            emit(orgOf(grant.resource()), old == null ? "grant.created" : "grant.updated", grant.resource().type().wire(),
                    grant.resource().id(), subjectType(grant.subject()), grant.subject().id(),
                    old == null ? null : roleOrNone(old.role()), roleOrNone(grant.role()), grant.expiresAt());
        }
    }

    private Grant priorGrant(ResourceRef r, SubjectRef s) {
        World.Grants grants = world.grants(r);
        return grants == null ? null
                : (s.type() == dev.gatehouse.model.SubjectType.USER ? grants.users() : grants.teams()).get(s.id());
    }

    /** The organization of a resource, or of one just removed whose node is still there. */
    private String orgOf(ResourceRef r) {
        switch (r.type()) {
            case COLLECTION: {
                Collection k = world.collection(r.id());
                return k == null ? world.organizationOf(r) : k.orgId();
            }
            case SPACE: {
                Space s = world.space(r.id());
                return s == null ? world.organizationOf(r) : s.orgId();
            }
            case SITE: {
                Site s = world.site(r.id());
                return s == null ? world.organizationOf(r) : s.orgId();
            }
            case PAGE: {
                Page p = world.page(r.id());
                return p == null ? world.organizationOf(r) : orgOf(new ResourceRef(ResourceType.SPACE, p.spaceId()));
            }
            default:
                throw new IllegalStateException(r.toString());
        }
    }

    private void emit(String org, String action, String resourceType, String resourceId, String subjectType,
                      String subjectId, String before, String after) {
        emit(org, action, resourceType, resourceId, subjectType, subjectId, before, after, null);
    }

    private void emit(String org, String action, String resourceType, String resourceId, String subjectType,
                      String subjectId, String before, String after, java.time.Instant expiresAt) {
        if (org != null) {
            events.add(new AuditEvent(org, action, resourceType, resourceId, subjectType, subjectId, before, after,
                    expiresAt));
        }
    }

    private static String subjectType(SubjectRef s) {
        return s.type() == dev.gatehouse.model.SubjectType.USER ? "user" : "team";
    }

    private static String memberRole(Member m) {
        return m.role() == null ? "guest" : m.role().wire();
    }

    private static String roleOrNone(Role r) {
        return r == null ? "none" : r.wire();
    }

    /** A default level as the audit log says it: a role, {@code inherit}, or {@code none}. */
    private static String level(DefaultLevel l) {
        if (l == null) {
            return null;
        }
        String w = l.wire();
        return w == null ? "none" : w;
    }
}
