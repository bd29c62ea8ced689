package dev.gatehouse.engine;

import dev.gatehouse.model.AuditEvent;
import dev.gatehouse.model.Change;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Changes each of which is described the same against the world before all of them as against the world
 * just before itself: puts of distinct records, all of one kind.
 *
 * <p>Why that holds: a put's description ({@link AuditTrail}) reads the record it replaces and records of
 * other kinds only (a membership's team, a grant's resource, a page's space, a share link's site), never
 * another record of its own kind. So among puts of one kind, none reads what another writes, and the order
 * they are applied in changes no event. A write of thousands of them (an import's chunk) is then described
 * in one pass, without being applied and taken back change by change first. Only puts are admitted: a
 * removal's description reads what it removes (a team's memberships go with it, a removed page's space names
 * its organization), and no large write needs removals described apart, so they take the ordinary way.
 */
public final class ApartPuts {
    /** What {@link #KEY} answers for a change that is not a put of one of the kinds above. */
    private static final Object NOT_APART = new Object();

    private ApartPuts() {
    }

    /**
     * The changes' events, each described against {@code before}, when the changes are apart; null when they
     * are not, and must be described one after the other.
     */
    public static List<AuditEvent> describe(World before, List<Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        Class<?> kind = changes.get(0).getClass();
        Set<Object> seen = new HashSet<>(changes.size() * 2);
        for (Change c : changes) {
            Object key = c.accept(KEY);
            if (c.getClass() != kind || key == NOT_APART || !seen.add(key)) {
                return null;
            }
        }
        List<AuditEvent> events = new ArrayList<>(changes.size());
        for (Change c : changes) {
            events.addAll(AuditTrail.describe(before, c));
        }
        return events;
    }

    /** The record a put writes, as a key that another put of the same kind of that record shares. */
    private static final Change.Visitor<Object> KEY = new Change.Visitor<>() {
        @Override
        public Object userPut(Change.UserPut c) {
            return c.user().id();
        }

        @Override
        public Object organizationPut(Change.OrganizationPut c) {
            return c.organization().id();
        }

        @Override
        public Object memberPut(Change.MemberPut c) {
            return List.of(c.member().orgId(), c.member().userId());
        }

        @Override
        public Object teamPut(Change.TeamPut c) {
            return c.team().id();
        }

        @Override
        public Object teamMemberPut(Change.TeamMemberPut c) {
            return List.of(c.membership().teamId(), c.membership().userId());
        }

        @Override
        public Object collectionPut(Change.CollectionPut c) {
            return c.collection().id();
        }

        @Override
        public Object spacePut(Change.SpacePut c) {
            return c.space().id();
        }

        @Override
        public Object sitePut(Change.SitePut c) {
            return c.site().id();
        }

        @Override
        public Object siteSpacePut(Change.SiteSpacePut c) {
            return c.siteSpace().id();
        }

        @Override
        public Object pagePut(Change.PagePut c) {
            return c.page().id();
        }

        @Override
        public Object grantPut(Change.GrantPut c) {
            return List.of(c.grant().resource(), c.grant().subject());
        }

        @Override
        public Object linkInvitePut(Change.LinkInvitePut c) {
            return c.invite().id();
        }

        @Override
        public Object siteShareLinkPut(Change.SiteShareLinkPut c) {
            return c.link().id();
        }

        @Override
        public Object accessRequestPut(Change.AccessRequestPut c) {
            return c.request().id();
        }

        @Override
        public Object scimRecordPut(Change.ScimRecordPut c) {
            return List.of(c.record().orgId(), c.record().kind(), c.record().id());
        }

        // Removals, token puts and link uses: the ordinary way (see the class comment).

        @Override
        public Object userRemoved(Change.UserRemoved c) {
            return NOT_APART;
        }

        @Override
        public Object memberRemoved(Change.MemberRemoved c) {
            return NOT_APART;
        }

        @Override
        public Object teamRemoved(Change.TeamRemoved c) {
            return NOT_APART;
        }

        @Override
        public Object teamMemberRemoved(Change.TeamMemberRemoved c) {
            return NOT_APART;
        }

        @Override
        public Object collectionRemoved(Change.CollectionRemoved c) {
            return NOT_APART;
        }

        @Override
        public Object spaceRemoved(Change.SpaceRemoved c) {
            return NOT_APART;
        }

        @Override
        public Object siteRemoved(Change.SiteRemoved c) {
            return NOT_APART;
        }

        @Override
        public Object siteSpaceRemoved(Change.SiteSpaceRemoved c) {
            return NOT_APART;
        }

        @Override
        public Object pageRemoved(Change.PageRemoved c) {
            return NOT_APART;
        }

        @Override
        public Object grantRemoved(Change.GrantRemoved c) {
            return NOT_APART;
        }

        @Override
        public Object grantExpired(Change.GrantExpired c) {
            return NOT_APART;
        }

        @Override
        public Object tokenPut(Change.TokenPut c) {
            return NOT_APART;
        }

        @Override
        public Object tokenRemoved(Change.TokenRemoved c) {
            return NOT_APART;
        }

        @Override
        public Object siteShareLinkRemoved(Change.SiteShareLinkRemoved c) {
            return NOT_APART;
        }

        @Override
        public Object accessRequestRemoved(Change.AccessRequestRemoved c) {
            return NOT_APART;
        }

        @Override
        public Object linkInviteRemoved(Change.LinkInviteRemoved c) {
            return NOT_APART;
        }

        @Override
        public Object linkInviteUsed(Change.LinkInviteUsed c) {
            return NOT_APART;
        }

        @Override
        public Object scimTokenPut(Change.ScimTokenPut c) {
            return NOT_APART;
        }

        @Override
        public Object scimTokenRemoved(Change.ScimTokenRemoved c) {
            return NOT_APART;
        }

        @Override
        public Object scimRecordRemoved(Change.ScimRecordRemoved c) {
            return NOT_APART;
        }
    };
}
